import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { previewAllocation } from '../../src/features/collection-case/allocation';
import type { CollectionCase } from '../../src/features/collection-case/collection-data';
import { parseDollars } from '../../src/features/collection-case/money-input';
import {
  planRow,
  PlanEditor,
  rowsToInstallments,
  type PlanRow,
} from '../../src/features/collection-case/PlanEditor';
import { PaymentsTab } from '../../src/features/collection-case/tabs/PaymentsTab';
import { SettlementTab } from '../../src/features/collection-case/tabs/SettlementTab';
import { json, mockApi, notFound, problem, type RecordedCall } from '../support/mock-api';
import { renderWithApp, signIn } from '../support/render';

const CASE_ID = '0f8e3c1a-6b2d-4e5f-8a9b-1c2d3e4f5a6b';
// Worker ids in the order the allocation rule sorts them (ties go to the lower id).
const ROSA = '11111111-1111-4111-8111-111111111111';
const BEN = '22222222-2222-4222-8222-222222222222';
const CRUZ = '33333333-3333-4333-8333-333333333333';
const DIRECT = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const JOINT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

/** The case of the collections e2e test: Rosa $100.00, Ben $45.00, Cruz $415.00 owed. */
const OWED = { [ROSA]: 10_000, [BEN]: 4_500, [CRUZ]: 41_500 };

function collectionCase(over: Partial<CollectionCase> = {}): CollectionCase {
  const totals = {
    assessedCents: 56_000,
    outstandingCents: 56_000,
    collectedCents: 0,
    disbursedCents: 0,
    heldForUnlocatedCents: 0,
    transferredUnclaimedCents: 0,
    writtenOffCents: 0,
    undisbursedCents: 0,
  };
  return {
    caseId: CASE_ID,
    version: 3,
    status: 'open',
    caseNumber: 'LSE-2026-000042',
    office: 'SF-01',
    openedOn: '2026-05-01',
    determinationId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
    debtors: [
      { debtorId: DIRECT, name: 'Golden Gate Car Wash LLC', role: 'direct' },
      { debtorId: JOINT, name: 'Sparkle Staffing Inc', role: 'joint' },
    ],
    workers: [
      { workerId: ROSA, name: 'Rosa Planted', assessedCents: OWED[ROSA], confidentialityRequested: true },
      { workerId: BEN, name: 'Ben Open-Worker', assessedCents: OWED[BEN], confidentialityRequested: false },
      { workerId: CRUZ, name: 'Cruz Far-Away', assessedCents: OWED[CRUZ], confidentialityRequested: false },
    ],
    installments: [],
    totals,
    offers: [],
    orders: [],
    pastPlans: [],
    payments: [],
    escalations: [],
    defaults: [],
    unlocatedSince: {},
    ...over,
  };
}

const ledger = {
  caseId: CASE_ID,
  version: 3,
  balanced: true,
  totals: collectionCase().totals,
  accounts: {},
  workers: Object.entries(OWED).map(([workerId, owed]) => ({
    ...collectionCase().totals,
    workerId,
    assessedCents: owed,
    outstandingCents: owed,
  })),
  postings: [],
};

describe('the allocation preview rule', () => {
  it('splits pro rata by largest remainder, as the e2e test computes by hand', () => {
    // 20000 x (10000, 4500, 41500) / 56000 = 3571.43, 1607.14, 14821.43: floors 19999, one cent
    // left; Rosa's and Cruz's remainders tie (24000/56000), the lower id (Rosa) gets it.
    expect(
      previewAllocation(
        20_000,
        Object.entries(OWED).map(([workerId, outstandingCents]) => ({ workerId, outstandingCents })),
      ),
    ).toEqual({
      kind: 'split',
      shares: [
        { workerId: ROSA, amountCents: 3_572 },
        { workerId: BEN, amountCents: 1_607 },
        { workerId: CRUZ, amountCents: 14_821 },
      ],
    });
  });

  it('pays every balance in full when the amount covers them, leaves out workers owed nothing, refuses more', () => {
    const owed = [
      { workerId: BEN, outstandingCents: 500 },
      { workerId: ROSA, outstandingCents: 0 },
      { workerId: CRUZ, outstandingCents: 1_000 },
    ];
    expect(previewAllocation(1_500, owed)).toEqual({
      kind: 'split',
      shares: [
        { workerId: BEN, amountCents: 500 },
        { workerId: CRUZ, amountCents: 1_000 },
      ],
    });
    expect(previewAllocation(1_501, owed)).toEqual({ kind: 'exceeds', outstandingCents: 1_500 });
    expect(previewAllocation(1, [{ workerId: ROSA, outstandingCents: 0 }])).toEqual({
      kind: 'nothing_outstanding',
    });
  });

  it('reads dollars exactly into cents', () => {
    expect(parseDollars('1,234.5')).toBe(123_450);
    expect(parseDollars('$20')).toBe(2_000);
    expect(parseDollars('0.07')).toBe(7);
    expect(parseDollars('12.345')).toBeUndefined();
    expect(parseDollars('abc')).toBeUndefined();
  });
});

describe('recording a payment', () => {
  beforeEach(() => signIn('collections_officer', 'cora@agency.gov'));

  it('shows the split across the workers before confirming, then what collections recorded', async () => {
    const posts: RecordedCall[] = [];
    mockApi((call) => {
      if (call.method === 'GET' && call.path === `/api/v1/collections/${CASE_ID}/ledger`)
        return json(200, ledger);
      if (call.method === 'POST' && call.path === `/api/v1/collections/${CASE_ID}/payments`) {
        posts.push(call);
        return json(200, {
          caseId: CASE_ID,
          version: 4,
          status: 'open',
          events: ['PaymentReceived'],
          recorded: [
            {
              type: 'PaymentReceived',
              data: {
                allocations: [
                  { workerId: ROSA, amountCents: 3_572 },
                  { workerId: BEN, amountCents: 1_607 },
                  { workerId: CRUZ, amountCents: 14_821 },
                ],
              },
            },
          ],
          replayed: false,
        });
      }
      if (call.method === 'GET' && call.path === `/api/v1/collections/${CASE_ID}`)
        return json(200, collectionCase());
      return notFound(call);
    });
    const { user } = await renderWithApp(<PaymentsTab caseId={CASE_ID} view={collectionCase()} />);
    const form = screen.getByRole('form', { name: 'Record a payment' });
    await user.selectOptions(within(form).getByLabelText(/^Debtor/), 'Sparkle Staffing Inc');
    await user.type(within(form).getByLabelText(/^Amount/), '200.00');
    await user.selectOptions(within(form).getByLabelText(/^Method/), 'ACH transfer');
    await waitFor(() =>
      expect(
        within(form).getByRole<HTMLButtonElement>('button', { name: 'Review the allocation' }).disabled,
      ).toBe(false),
    );
    await user.click(within(form).getByRole('button', { name: 'Review the allocation' }));

    const preview = within(form).getByRole('table', { name: /\$200\.00 from Sparkle Staffing Inc/ });
    const row = (name: RegExp) => within(preview).getByRole('row', { name });
    expect(
      within(row(/Rosa Planted \(asked for confidentiality\)/))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$100.00', '$35.72']);
    expect(
      within(row(/Ben Open-Worker/))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$45.00', '$16.07']);
    expect(
      within(row(/Cruz Far-Away/))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$415.00', '$148.21']);
    expect(posts).toHaveLength(0); // nothing is sent before the officer confirms

    await user.click(within(form).getByRole('button', { name: 'Confirm the payment' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ debtorId: JOINT, amountCents: 20_000, method: 'ach' });
    expect(posts[0]!.headers.get('if-match')).toBe('"3"');
    expect(posts[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const recorded = await within(form).findByRole('table', { name: /\$200\.00 from Sparkle Staffing Inc/ });
    expect(within(recorded).getByRole('columnheader', { name: 'Recorded' })).toBeTruthy();
    expect(
      within(within(recorded).getByRole('row', { name: /Cruz Far-Away/ }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$415.00', '$148.21', '$148.21']);
  });

  it('says before sending that more than the whole balance will be refused', async () => {
    mockApi((call) =>
      call.path === `/api/v1/collections/${CASE_ID}/ledger` ? json(200, ledger) : notFound(call),
    );
    const { user } = await renderWithApp(<PaymentsTab caseId={CASE_ID} view={collectionCase()} />);
    const form = screen.getByRole('form', { name: 'Record a payment' });
    await user.selectOptions(within(form).getByLabelText(/^Debtor/), 'Golden Gate Car Wash LLC');
    await user.type(within(form).getByLabelText(/^Amount/), '600');
    await user.selectOptions(within(form).getByLabelText(/^Method/), 'Check');
    await waitFor(() =>
      expect(
        within(form).getByRole<HTMLButtonElement>('button', { name: 'Review the allocation' }).disabled,
      ).toBe(false),
    );
    await user.click(within(form).getByRole('button', { name: 'Review the allocation' }));
    expect(
      within(form).getByText(/\$600\.00 is more than the whole outstanding balance of \$560\.00/),
    ).toBeTruthy();
  });
});

function EditorHarness({ total, errors = {} }: { total?: number; errors?: Record<string, string> }) {
  const [rows, setRows] = useState<PlanRow[]>([planRow()]);
  return (
    <>
      <PlanEditor rows={rows} onChange={setRows} totalCents={total} errors={errors} idPrefix="t" />
      <output data-testid="installments">{JSON.stringify(rowsToInstallments(rows) ?? null)}</output>
    </>
  );
}

describe('the plan editor', () => {
  it('adds and removes installments and compares their sum with the amount as the officer types', async () => {
    const { user } = await renderWithApp(<EditorHarness total={56_000} />);
    const sum = screen.getByTestId('plan-sum');
    expect(sum.textContent).toBe('The installments add up to $0.00: $560.00 short of the amount.');
    await user.type(screen.getByLabelText('Installment 1: due on'), '2026-07-01');
    await user.type(screen.getByLabelText('Installment 1: amount in dollars'), '300');
    await user.click(screen.getByRole('button', { name: 'Add an installment' }));
    await user.type(screen.getByLabelText('Installment 2: due on'), '2026-08-01');
    await user.type(screen.getByLabelText('Installment 2: amount in dollars'), '300');
    expect(sum.textContent).toBe('The installments add up to $600.00: $40.00 more than the amount.');
    await user.clear(screen.getByLabelText('Installment 2: amount in dollars'));
    await user.type(screen.getByLabelText('Installment 2: amount in dollars'), '260');
    expect(sum.textContent).toBe('The installments add up to $560.00, the whole amount.');
    expect(JSON.parse(screen.getByTestId('installments').textContent)).toEqual([
      { dueOn: '2026-07-01', amountCents: 30_000 },
      { dueOn: '2026-08-01', amountCents: 26_000 },
    ]);
    await user.click(screen.getByRole('button', { name: 'Add an installment' }));
    expect(screen.getByTestId('installments').textContent).toBe('null'); // incomplete row
    await user.click(screen.getByRole('button', { name: 'Remove installment 3' }));
    expect(screen.getAllByTestId('installment-row')).toHaveLength(2);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Remove installment 1' }).disabled).toBe(
      false,
    );
  });

  it('marks an amount that is not dollars and cents, in Spanish too', async () => {
    const { user } = await renderWithApp(<EditorHarness />, { language: 'es' });
    const amount = screen.getByLabelText('Cuota 1: monto en dólares');
    await user.type(amount, '12.345');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Escriba un monto en dólares y centavos, como 1250.00.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Quitar la cuota 1' }).disabled).toBe(true);
  });

  it('offers a settlement in installments and shows the service refusal beside the installment it names', async () => {
    signIn('collections_officer', 'cora@agency.gov');
    const posts: RecordedCall[] = [];
    mockApi((call) => {
      if (call.method !== 'POST') return notFound(call);
      posts.push(call);
      return problem(400, {
        title: 'Invalid request',
        errors: [{ path: 'installments.1.dueOn', message: 'installment 2 is not due after installment 1' }],
      });
    });
    const { user } = await renderWithApp(<SettlementTab caseId={CASE_ID} view={collectionCase()} />);
    const form = screen.getByRole('form', { name: 'Offer a settlement' });
    await user.type(within(form).getByLabelText(/^Settlement amount/), '560');
    await user.type(within(form).getByLabelText('Installment 1: due on'), '2026-07-01');
    await user.type(within(form).getByLabelText('Installment 1: amount in dollars'), '280');
    await user.click(within(form).getByRole('button', { name: 'Add an installment' }));
    await user.type(within(form).getByLabelText('Installment 2: due on'), '2026-06-01');
    await user.type(within(form).getByLabelText('Installment 2: amount in dollars'), '280.00');
    await user.click(within(form).getByRole('button', { name: 'Record the offer' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.path).toBe(`/api/v1/collections/${CASE_ID}/settlement-offers`);
    expect(posts[0]!.body).toEqual({
      offeredBy: 'agency',
      amountCents: 56_000,
      installments: [
        { dueOn: '2026-07-01', amountCents: 28_000 },
        { dueOn: '2026-06-01', amountCents: 28_000 },
      ],
    });
    expect((await within(form).findByLabelText('Installment 2: due on')).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(within(form).getAllByText('installment 2 is not due after installment 1').length).toBeGreaterThan(
      0,
    );
    // Nothing typed is lost.
    expect(within(form).getByLabelText<HTMLInputElement>('Installment 1: amount in dollars').value).toBe(
      '280',
    );
  });

  it('is read-only once the plan is agreed, each installment with its status', async () => {
    signIn('auditor', 'ada@agency.gov');
    const { PlanTab } = await import('../../src/features/collection-case/tabs/PlanTab');
    const view = collectionCase({
      plan: {
        planId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
        basis: 'settlement',
        establishedOn: '2026-05-02',
        installments: [],
        paidCents: 20_000,
        missed: [2],
        status: 'active',
      },
      installments: [
        { installmentNo: 1, dueOn: '2026-05-10', amountCents: 20_000, paidCents: 20_000, status: 'paid' },
        { installmentNo: 2, dueOn: '2026-05-20', amountCents: 20_000, paidCents: 0, status: 'missed' },
        { installmentNo: 3, dueOn: '2026-06-30', amountCents: 16_000, paidCents: 0, status: 'due' },
      ],
    });
    await renderWithApp(<PlanTab caseId={CASE_ID} view={view} />);
    const rows = within(screen.getByRole('table', { name: 'Installments' })).getAllByTestId(
      'plan-installment',
    );
    expect(rows.map((r) => within(r).getAllByRole('cell').at(-1)!.textContent)).toEqual([
      'Paid',
      'Missed',
      'Due',
    ]);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull(); // an auditor declares no default
  });
});
