import { cents, formatCents } from '@lse/domain';
import type {
  DebtorStatement,
  StatementLanguage,
  WorkerNextStep,
  WorkerStatement,
} from '@lse/collections-domain';

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

function page(title: string, body: string, lang: StatementLanguage = 'en'): string {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
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
      (s.workers.some((w) => w.assessedCents === undefined)
        ? // Too few confidential workers to group: names only, amounts in the totals above.
          table(
            ['Worker'],
            s.workers.map((w) => row([escapeHtml(w.name)])),
          ) + (s.withheldWorkers ? `<p>${escapeHtml(s.withheldWorkers.note)}</p>` : '')
        : table(
            ['Worker', 'Assessed', 'Balance due'],
            [
              ...s.workers.map((w) =>
                row([escapeHtml(w.name), money(w.assessedCents ?? 0), money(w.outstandingCents ?? 0)]),
              ),
              ...(s.withheldWorkers
                ? [
                    row([
                      escapeHtml(`${s.withheldWorkers.count} worker(s), identities withheld`),
                      money(s.withheldWorkers.assessedCents ?? 0),
                      money(s.withheldWorkers.outstandingCents ?? 0),
                    ]),
                  ]
                : []),
            ],
          )),
  ];
  return page(`Statement ${s.caseNumber ?? s.caseId}`, parts.join('\n'));
}

/** Everything a worker's statement says, in each language it is written in. */
const WORKER_TEXT: Record<
  StatementLanguage,
  {
    title: string;
    heading: string;
    case: string;
    asOf: string;
    worker: string;
    owedBy: string;
    amount: string;
    rows: [string, string, string, string, string, string, string];
    payments: string;
    paymentHead: [string, string, string];
    next: string;
    steps: Record<WorkerNextStep, (m: { held: string; undisbursed: string; outstanding: string }) => string>;
    contact: string;
    phone: string;
    email: string;
    address: string;
    hours: string;
    office: string;
  }
> = {
  en: {
    title: 'Back wages',
    heading: 'Your back wages',
    case: 'Case',
    asOf: 'as of',
    worker: 'Worker',
    owedBy: 'Owed by',
    amount: 'Amount',
    rows: [
      'Owed to you (assessed)',
      'Collected for you',
      'Paid to you',
      'Held for you',
      'Sent to the unclaimed-wage fund',
      'Reduced by compromise or write-off',
      'Still to be collected',
    ],
    payments: 'Payments to you',
    paymentHead: ['Issued', 'Amount', 'Method'],
    next: 'What happens next',
    steps: {
      collecting: (m) =>
        `We are still collecting ${m.outstanding} from the employer. You do not need to do anything: we pay you as money comes in.`,
      payment_coming: (m) => `We hold ${m.undisbursed} for you and will send it to you soon.`,
      claim_held_wages: (m) =>
        `We hold ${m.held} for you but could not reach you. Call or write to us to claim it, with an ID.`,
      paid_in_full: () => 'Everything collected for you has been paid to you.',
      case_closed: () => 'This case is closed.',
      report_retaliation: () =>
        'It is against the law for an employer to fire, threaten or punish you for this complaint (29 U.S.C. 215(a)(3)). If it happens, tell us right away. Tell us too if your address or phone number changes.',
    },
    contact: 'How to reach us',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    hours: 'Hours',
    office: 'Office',
  },
  es: {
    title: 'Salarios adeudados',
    heading: 'Sus salarios adeudados',
    case: 'Caso',
    asOf: 'al',
    worker: 'Trabajador(a)',
    owedBy: 'Deben pagar',
    amount: 'Cantidad',
    rows: [
      'Lo que se le debe (determinado)',
      'Cobrado para usted',
      'Pagado a usted',
      'Retenido para usted',
      'Enviado al fondo de salarios no reclamados',
      'Reducido por acuerdo o cancelación',
      'Falta por cobrar',
    ],
    payments: 'Pagos a usted',
    paymentHead: ['Fecha', 'Cantidad', 'Forma de pago'],
    next: 'Qué sigue',
    steps: {
      collecting: (m) =>
        `Todavía estamos cobrando ${m.outstanding} al empleador. Usted no tiene que hacer nada: le pagamos a medida que recibimos el dinero.`,
      payment_coming: (m) => `Tenemos ${m.undisbursed} para usted y se lo enviaremos pronto.`,
      claim_held_wages: (m) =>
        `Tenemos ${m.held} para usted, pero no pudimos comunicarnos con usted. Llámenos o escríbanos para reclamarlo, con una identificación.`,
      paid_in_full: () => 'Todo lo que cobramos para usted ya se le pagó.',
      case_closed: () => 'Este caso está cerrado.',
      report_retaliation: () =>
        'La ley prohíbe que un empleador lo despida, lo amenace o lo castigue por esta queja (29 U.S.C. 215(a)(3)). Si ocurre, avísenos de inmediato. Avísenos también si cambia su dirección o su teléfono.',
    },
    contact: 'Cómo comunicarse con nosotros',
    phone: 'Teléfono',
    email: 'Correo electrónico',
    address: 'Dirección',
    hours: 'Horario',
    office: 'Oficina',
  },
};

/** The worker's statement, written in the worker's language, with what comes next and whom to call. */
export function renderWorkerStatement(s: WorkerStatement): string {
  const t = WORKER_TEXT[s.language];
  const f = s.figures;
  const m = {
    held: money(f.heldForUnlocatedCents),
    undisbursed: money(f.undisbursedCents),
    outstanding: money(f.outstandingCents),
  };
  const c = s.contact;
  const parts = [
    `<h1>${escapeHtml(t.heading)}</h1>`,
    `<p>${escapeHtml(t.case)} ${escapeHtml(s.caseNumber ?? s.caseId)} &middot; ${escapeHtml(t.asOf)} ${escapeHtml(s.asOf)}</p>`,
    `<p>${escapeHtml(t.worker)}: <strong>${escapeHtml(s.worker.name)}</strong></p>`,
    `<p>${escapeHtml(t.owedBy)}: ${s.debtors.map((d) => escapeHtml(d.name)).join(', ')}</p>`,
    table(
      ['', t.amount],
      [
        f.assessedCents,
        f.collectedCents,
        f.disbursedCents,
        f.heldForUnlocatedCents,
        f.transferredUnclaimedCents,
        f.writtenOffCents,
        f.outstandingCents,
      ].map((amount, i) => row([escapeHtml(t.rows[i]), money(amount)])),
    ),
    s.disbursements.length
      ? `<h2>${escapeHtml(t.payments)}</h2>` +
        table(
          t.paymentHead,
          s.disbursements.map((d) =>
            row([escapeHtml(d.issuedOn), money(d.amountCents), escapeHtml(d.method)]),
          ),
        )
      : '',
    `<h2>${escapeHtml(t.next)}</h2>`,
    `<ul>${s.nextSteps.map((step) => `<li>${t.steps[step](m)}</li>`).join('')}</ul>`,
    `<h2>${escapeHtml(t.contact)}</h2>`,
    `<p><strong>${escapeHtml(c.name)}</strong>, ${escapeHtml(t.office)} ${escapeHtml(s.office)}<br>`,
    `${escapeHtml(t.phone)}: ${escapeHtml(c.phone)}` +
      (c.email ? `<br>${escapeHtml(t.email)}: ${escapeHtml(c.email)}` : '') +
      (c.address ? `<br>${escapeHtml(t.address)}: ${escapeHtml(c.address)}` : '') +
      (c.hours ? `<br>${escapeHtml(t.hours)}: ${escapeHtml(c.hours)}` : '') +
      '</p>',
  ];
  return page(`${t.title} ${s.caseNumber ?? s.caseId}`, parts.join('\n'), s.language);
}
