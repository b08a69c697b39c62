import type { PackageRecord } from '../redaction/package';
import type { RecordSections, StatisticCell } from './sections';

/*
 * The package's HTML sections for records named besides cases, after the cases and before the
 * redaction log. Deterministic like the rest of the document (its digest is recorded).
 */

type Escape = (text: string) => string;

const recordList = (records: PackageRecord[], escape: Escape, plain: (type: string) => string) =>
  records
    .map(
      (r, n) => `<article>
<h4>Record ${n + 1}: ${escape(plain(r.type))} <small>(${escape(r.type)}, ${escape(r.recordedAt)})</small></h4>
<pre>${escape(JSON.stringify({ data: r.data, metadata: r.metadata }, null, 2))}</pre>
</article>`,
    )
    .join('\n');

const cell = (value: StatisticCell, escape: Escape) =>
  typeof value === 'number' ? String(value) : escape(value);

const rows = (label: string, cells: Record<string, StatisticCell>, escape: Escape) =>
  Object.entries(cells)
    .map(
      ([k, v]) =>
        `<tr><td>${escape(label)}: ${escape(k.replace(/_/g, ' '))}</td><td>${cell(v, escape)}</td></tr>`,
    )
    .join('\n');

/** '' when the package names no records (a case-only package renders as it always did). */
export function renderRecordSections(
  sections: RecordSections | undefined,
  escape: Escape,
  plain: (type: string) => string,
): string {
  if (!sections) return '';
  const agreements = sections.agreements
    .map(
      (a) => `<section>
<h3>Agreement ${escape(a.agreementId)}</h3>
${a.records.length ? recordList(a.records, escape, plain) : '<p>No records of this agreement at or before the cut-off.</p>'}
</section>`,
    )
    .join('\n');
  const statistics = sections.referralStatistics
    .map(
      (s) => `<section>
<h3>Referrals by partner ${escape(s.partnerId)}, ${escape(s.from)} to ${escape(s.to)}</h3>
<table><thead><tr><th>count</th><th>number</th></tr></thead><tbody>
<tr><td>referrals submitted</td><td>${cell(s.referrals, escape)}</td></tr>
<tr><td>workers referred</td><td>${cell(s.workersReferred, escape)}</td></tr>
${rows('status', s.byStatus, escape)}
${rows('channel', s.byChannel, escape)}
</tbody></table>
</section>`,
    )
    .join('\n');
  const ledger = sections.disclosureLedger
    .map(
      (l) => `<section>
<h3>Disclosures to ${escape(l.organization ?? 'partner')} (${escape(l.partnerId)}), ${escape(l.from)} to ${escape(l.to)}</h3>
${l.entries.length ? recordList(l.entries, escape, plain) : '<p>No disclosure decisions in this period at or before the cut-off.</p>'}
</section>`,
    )
    .join('\n');
  return `
<section>
<h2>Agreements</h2>
${agreements || '<p>No agreements were requested.</p>'}
</section>
<section>
<h2>Referral statistics</h2>
<p>Counts from 1 to 4 are withheld, and where one count of a breakdown is withheld the next smallest is too, so that no worker can be identified by elimination.</p>
${statistics || '<p>No referral statistics were requested.</p>'}
</section>
<section>
<h2>Disclosure ledger</h2>
${ledger || '<p>No disclosure ledger was requested.</p>'}
</section>`;
}
