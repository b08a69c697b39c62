import { cents, formatCents } from '@lse/domain';
import type { DebtorStatement, WorkerStatement } from '@lse/collections-domain';

/** Escapes text for HTML element content and attribute values: everything shown goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const money = (n: number) => escapeHtml(formatCents(cents(n)));
const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const table = (head: string[], rows: string[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:Georgia,serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0;width:100%}
th,td{border:1px solid #999;padding:4px 8px;text-align:left}td:nth-child(n+2){font-variant-numeric:tabular-nums}
@media print{body{margin:0}}
</style></head><body>${body}</body></html>`;
}

/** The employer-facing statement: no confidential worker appears (the data already withholds them). */
export function renderDebtorStatement(s: DebtorStatement): string {
  const parts = [
    `<h1>Statement of account</h1>`,
    `<p>Case ${escapeHtml(s.caseNumber ?? s.caseId)} &middot; as of ${escapeHtml(s.asOf)} &middot; ${escapeHtml(s.status)}</p>`,
    `<p>Debtor: <strong>${escapeHtml(s.debtor.name)}</strong> (${escapeHtml(s.debtor.role)})</p>`,
    s.coDebtors.length
      ? `<p>Jointly and severally liable with: ${s.coDebtors.map((d) => escapeHtml(`${d.name} (${d.role})`)).join(', ')}</p>`
      : '',
    table(
      ['', 'Amount'],
      [
        row(['Assessed', money(s.totals.assessedCents)]),
        row(['Paid (all liable parties)', money(s.totals.collectedCents)]),
        row(['Paid by this debtor', money(s.paidByThisDebtorCents)]),
        row(['Compromised or written off', money(s.totals.writtenOffCents)]),
        row(['<strong>Balance due</strong>', `<strong>${money(s.totals.outstandingCents)}</strong>`]),
      ],
    ),
    s.installments.length
      ? `<h2>Payment plan</h2>` +
        table(
          ['#', 'Due', 'Amount', 'Paid', 'Status'],
          s.installments.map((i) =>
            row([
              escapeHtml(i.installmentNo),
              escapeHtml(i.dueOn),
              money(i.amountCents),
              money(i.paidCents),
              escapeHtml(i.status),
            ]),
          ),
        )
      : '',
    s.payments.length
      ? `<h2>Payments</h2>` +
        table(
          ['Received', 'Amount', 'Paid by', ''],
          s.payments.map((p) =>
            row([
              escapeHtml(p.receivedOn),
              money(p.amountCents),
              escapeHtml(p.paidBy),
              p.reversed ? 'reversed' : '',
            ]),
          ),
        )
      : '',
    s.judgment
      ? `<p>Judgment ${escapeHtml(s.judgment.docketNumber)}, ${escapeHtml(s.judgment.court)}, entered ${escapeHtml(s.judgment.enteredOn)}; post-judgment interest ${escapeHtml((s.judgment.interestRateBasisPoints / 100).toFixed(2))}% a year.</p>`
      : '',
    s.nonMonetaryTerms.length
      ? `<h2>Other terms</h2><ul>${s.nonMonetaryTerms.map((t) => `<li>${escapeHtml(t.kind.replace(/_/g, ' '))}: ${escapeHtml(t.description)}${t.dueOn ? ` (by ${escapeHtml(t.dueOn)})` : ''}</li>`).join('')}</ul>`
      : '',
    `<h2>Amounts owed to workers</h2>` +
      table(
        ['Worker', 'Assessed', 'Balance due'],
        [
          ...s.workers.map((w) =>
            row([escapeHtml(w.name), money(w.assessedCents), money(w.outstandingCents)]),
          ),
          ...(s.withheldWorkers
            ? [
                row([
                  escapeHtml(`${s.withheldWorkers.count} worker(s), identities withheld`),
                  money(s.withheldWorkers.assessedCents),
                  money(s.withheldWorkers.outstandingCents),
                ]),
              ]
            : []),
        ],
      ),
  ];
  return page(`Statement ${s.caseNumber ?? s.caseId}`, parts.join('\n'));
}

export function renderWorkerStatement(s: WorkerStatement): string {
  const f = s.figures;
  const parts = [
    `<h1>Your back wages</h1>`,
    `<p>Case ${escapeHtml(s.caseNumber ?? s.caseId)} &middot; as of ${escapeHtml(s.asOf)}</p>`,
    `<p>Worker: <strong>${escapeHtml(s.worker.name)}</strong></p>`,
    `<p>Owed by: ${s.debtors.map((d) => escapeHtml(d.name)).join(', ')}</p>`,
    table(
      ['', 'Amount'],
      [
        row(['Owed to you (assessed)', money(f.assessedCents)]),
        row(['Collected for you', money(f.collectedCents)]),
        row(['Paid to you', money(f.disbursedCents)]),
        row(['Held for you', money(f.heldForUnlocatedCents)]),
        row(['Sent to the unclaimed-wage fund', money(f.transferredUnclaimedCents)]),
        row(['Reduced by compromise or write-off', money(f.writtenOffCents)]),
        row(['Still to be collected', money(f.outstandingCents)]),
      ],
    ),
    s.disbursements.length
      ? `<h2>Payments to you</h2>` +
        table(
          ['Issued', 'Amount', 'Method'],
          s.disbursements.map((d) =>
            row([escapeHtml(d.issuedOn), money(d.amountCents), escapeHtml(d.method)]),
          ),
        )
      : '',
    s.unlocatedSince
      ? `<p>We could not reach you after ${escapeHtml(s.unlocatedSince)}; contact the office to claim what is held.</p>`
      : '',
  ];
  return page(`Back wages ${s.caseNumber ?? s.caseId}`, parts.join('\n'));
}
