// Preload for profiling services (see command-load.ts): in a process started from
// services/<name>/src/main.ts, the first SIGUSR2 starts V8's CPU profiler and the next one
// writes <PROFILE_DIR or cwd>/<name>.cpuprofile (open it in Chrome DevTools, or summarize it
// with summarize.js). With PROFILE_HEAP=1 it samples allocations instead and writes
// <name>.heapprofile (what is allocated where: the garbage collector's work). Other processes
// are left alone.
const main = process.argv.find((a) => /services\/[^/]+\/src\/main\.ts$/.test(a));
if (main) {
  const name = /services\/([^/]+)\/src/.exec(main)[1];
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const path = require('node:path');
  const session = new inspector.Session();
  session.connect();
  const heap = process.env.PROFILE_HEAP === '1';
  const file = path.join(
    process.env.PROFILE_DIR || process.cwd(),
    `${name}.${heap ? 'heapprofile' : 'cpuprofile'}`,
  );
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      if (heap)
        session.post('HeapProfiler.enable', () =>
          session.post('HeapProfiler.startSampling', {
            samplingInterval: 4096,
            // Count what the collector already freed too: that is the garbage.
            includeObjectsCollectedByMajorGC: true,
            includeObjectsCollectedByMinorGC: true,
          }),
        );
      else
        session.post('Profiler.enable', () =>
          session.post('Profiler.setSamplingInterval', { interval: 1000 }, () =>
            session.post('Profiler.start'),
          ),
        );
      return;
    }
    running = false;
    session.post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop', (err, result) => {
      if (err) return;
      fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
