// node test/bench/profile/summarize.js <file.cpuprofile>
// Self time by package or repository folder and by function; INCL=re1,re2 adds the share of
// samples with a matching frame anywhere on their stack; TOP=n lines of functions (30).
const fs = require('fs');
const file = process.argv[2];
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) || 0) + (p.timeDeltas[i] || 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const area = (url) => {
  if (!url) return '(native)';
  let m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  m = /\/work\/main\/(libs\/[^/]+|services\/[^/]+\/[^/]+|[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  return url.slice(0, 40);
};
const self = new Map(), byArea = new Map();
for (const [id, t] of dt) {
  const n = nodes.get(id); const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${area(cf.url)}:${cf.lineNumber + 1}`;
  self.set(key, (self.get(key) || 0) + t);
  const a = cf.url ? area(cf.url) : cf.functionName;
  byArea.set(a, (byArea.get(a) || 0) + t);
}
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
console.log(`total ${(total / 1e6).toFixed(2)} s sampled`);
console.log('--- self by area');
for (const [k, t] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(pct(t), k);
console.log('--- self by function');
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 30))) console.log(pct(t), k);
// inclusive: any sample whose stack contains a frame matching the pattern (counted once per sample)
const pats = (process.env.INCL || '').split(',').filter(Boolean);
if (pats.length) {
  console.log('--- inclusive');
  for (const pat of pats) {
    const re = new RegExp(pat);
    let t = 0;
    for (const [id, d] of dt) {
      let cur = id;
      while (cur !== undefined) {
        const cf = nodes.get(cur).callFrame;
        if (re.test(`${cf.functionName} ${cf.url}`)) { t += d; break; }
        cur = parent.get(cur);
      }
    }
    console.log(pct(t), pat);
  }
}
