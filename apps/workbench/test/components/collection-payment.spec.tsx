import { screen, waitFor, within } from '@testing-library/react';
import { previewAllocation } from '../../src/features/collection-case/allocation';
import { parseDollars } from '../../src/features/collection-case/money-input';
import { PaymentsTab } from '../../src/features/collection-case/tabs/PaymentsTab';
import { BEN, CASE_ID, collectionCase, CRUZ, JOINT, ledger, OWED, ROSA } from '../support/collection-case';
import { json, mockApi, notFound, type RecordedCall } from '../support/mock-api';
import { renderWithApp, signIn } from '../support/render';

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
