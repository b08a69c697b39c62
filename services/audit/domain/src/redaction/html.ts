import type { FoiaPackage } from './package';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A printable HTML rendering of a package (print to PDF from any browser). Deterministic: the
 * same package gives the same bytes, so its digest is recorded with the release.
 */
export function renderPackageHtml(pkg: FoiaPackage): string {
  const rows = pkg.cases
    .map(
      (c) => `<section>
<h2>Case ${escape(c.caseId)}${c.openAtCutoff ? ' (open at the cut-off)' : ''}</h2>
${c.records
  .map(
    (r) => `<article>
<h3>${escape(r.type)} <small>${escape(r.streamId)} v${r.streamVersion}, recorded ${escape(r.recordedAt)}</small></h3>
<pre>${escape(JSON.stringify({ data: r.data, metadata: r.metadata }, null, 2))}</pre>
</article>`,
  )
  .join('\n')}
</section>`,
    )
    .join('\n');
  const log = pkg.redactionLog
    .map(
      (e) =>
        `<tr><td>${e.n}</td><td>${escape(e.eventId)}</td><td>${escape(e.path)}</td><td>${escape(e.exemptions.join(', '))}</td><td>${e.released ? 'released' : 'withheld'}</td></tr>`,
    )
    .join('\n');
  const exemptions = Object.entries(pkg.exemptions)
    .map(([code, what]) => `<li><b>${escape(code)}</b>: ${escape(what)}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>FOIA response ${escape(pkg.requestId)}</title>
<style>body{font-family:serif;margin:2em}pre{white-space:pre-wrap;border:1px solid #ccc;padding:.5em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .4em}@media print{article{break-inside:avoid}}</style>
</head><body>
<h1>Response to public-records request ${escape(pkg.requestId)}</h1>
<p>Records as of ${escape(pkg.cutoff)} under ${escape(pkg.law)} (${escape(pkg.jurisdiction)}): ${pkg.summary.records} records, ${pkg.summary.withheld} fields withheld, ${pkg.summary.released} released on review.</p>
<h2>Exemptions cited</h2><ul>
${exemptions}
</ul>
${rows}
<h2>Redaction log</h2>
<table><thead><tr><th>#</th><th>event</th><th>field</th><th>exemptions</th><th>decision</th></tr></thead><tbody>
${log}
</tbody></table>
</body></html>
`;
}
