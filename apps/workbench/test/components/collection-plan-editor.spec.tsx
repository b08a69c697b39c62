import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import {
  planRow,
  PlanEditor,
  rowsToInstallments,
  type PlanRow,
} from '../../src/features/collection-case/PlanEditor';
import { SettlementTab } from '../../src/features/collection-case/tabs/SettlementTab';
import { CASE_ID, collectionCase } from '../support/collection-case';
import { mockApi, notFound, problem, type RecordedCall } from '../support/mock-api';
import { renderWithApp, signIn } from '../support/render';

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

  it('offers a settlement in installments with a non-monetary term, and shows the service refusal beside the installment it names', async () => {
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
    await user.click(within(form).getByRole('button', { name: 'Add a non-monetary term' }));
    await user.selectOptions(within(form).getByLabelText('Term 1: kind'), 'No retaliation');
    await user.type(
      within(form).getByLabelText('Term 1: what the employer must do'),
      'No retaliation against any worker.',
    );
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
      nonMonetaryTerms: [{ kind: 'anti_retaliation', description: 'No retaliation against any worker.' }],
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
