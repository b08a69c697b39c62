// Preload for profiling services (see command-load.ts): in a process started from
// services/<name>/src/main.ts, the first SIGUSR2 starts V8's CPU profiler and the next one
// writes <PROFILE_DIR or cwd>/<name>.cpuprofile (open it in Chrome DevTools, or summarize it
// with summarize.js). Other processes are left alone.
const main = process.argv.find((a) => /services\/[^/]+\/src\/main\.ts$/.test(a));
if (main) {
  const name = /services\/([^/]+)\/src/.exec(main)[1];
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const path = require('node:path');
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 1000 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      const file = path.join(process.env.PROFILE_DIR || process.cwd(), `${name}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
