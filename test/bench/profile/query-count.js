// Preload for counting a service's PostgreSQL statements (like cpu-profile.js: in a process
// started from services/<name>/src/main.ts, the first SIGUSR2 starts counting and the next one
// writes <PROFILE_DIR or cwd>/<name>.queries.json: statements by their first words, most first).
// With the handoff bench: BENCH_PROFILE_WINDOW=1 BENCH_SERVICE_NODE_OPTIONS="--require
// $PWD/test/bench/profile/query-count.js"; divide by the handoffs the run printed.
const main = process.argv.find((a) => /services\/[^/]+\/src\/main\.ts$/.test(a));
if (main) {
  const name = /services\/([^/]+)\/src/.exec(main)[1];
  const fs = require('node:fs');
  const path = require('node:path');
  const { Client } = require('pg');
  const counts = new Map();
  let counting = false;
  const query = Client.prototype.query;
  Client.prototype.query = function (config, ...rest) {
    if (counting) {
      const text = typeof config === 'string' ? config : (config && config.text) || '?';
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    return query.call(this, config, ...rest);
  };
  process.on('SIGUSR2', () => {
    counting = !counting;
    if (counting) return counts.clear();
    const file = path.join(process.env.PROFILE_DIR || process.cwd(), `${name}.queries.json`);
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(sorted), null, 1));
  });
}
