import { classifyData } from '../classify-data';
import { findUnclassifiedFields } from '../unclassified';
import {
  COLLECTION_EVENTS,
  CollectionCaseOpened,
  PaymentReceived,
  ReceivePaymentInput,
  AgreeSettlementInput,
  collectionStreamId,
} from './index';

const W1 = '11111111-1111-4111-8111-111111111111';
const W2 = '22222222-2222-4222-8222-222222222222';
const D1 = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

const opened = () => ({
  determinationId: '0c0c0c0c-0c0c-4c0c-8c0c-0c0c0c0c0c0c',
  office: 'SF-01',
  openedOn: '2026-02-01',
  debtors: [{ debtorId: D1, name: 'Golden Gate Car Wash LLC', role: 'direct', fein: '94-1234567' }],
  workers: [
    { workerId: W1, name: 'Maria Planted-Worker', assessedCents: 100_000, confidentialityRequested: true },
    { workerId: W2, name: 'Jose Open-Worker', assessedCents: 50_000, confidentialityRequested: false },
  ],
  totalAssessedCents: 150_000,
  civilPenaltiesCents: 0,
});

describe('collection contracts', () => {
  it.each(Object.entries(COLLECTION_EVENTS))('%s has no unclassified field', (_type, definition) => {
    expect(findUnclassifiedFields(definition.schema)).toEqual([]);
  });

  it('names the stream collection-<caseId>', () => {
    expect(collectionStreamId(W1)).toBe(`collection-${W1}`);
  });

  it('classifies worker names as personal, raised to confidential source on request; FEIN commercial', () => {
    const values = classifyData(CollectionCaseOpened.schema, opened());
    const at = (path: string) => values.find((v) => v.path.join('.') === path)?.classification;
    expect(at('workers.0.name')).toBe('confidential_source');
    expect(at('workers.1.name')).toBe('personal');
    expect(at('debtors.0.fein')).toBe('commercial');
    expect(at('debtors.0.name')).toBe('public');
    expect(at('totalAssessedCents')).toBe('public');
  });

  it('refuses an opening whose total is not the sum of the workers', () => {
    expect(() => CollectionCaseOpened.parse(1, { ...opened(), totalAssessedCents: 1 })).toThrow(
      /sum of the workers/,
    );
  });

  it('refuses negative, zero and fractional amounts with a clear message', () => {
    for (const amountCents of [-500, 0, 12.5]) {
      const result = ReceivePaymentInput.safeParse({ debtorId: D1, amountCents, method: 'check' });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].path).toEqual(['amountCents']);
    }
    const negative = ReceivePaymentInput.safeParse({ debtorId: D1, amountCents: -500, method: 'check' });
    expect(negative.error?.issues[0].message).toMatch(/positive amount of cents/);
  });

  it('requires a schedule that adds up and is due in order', () => {
    const ok = AgreeSettlementInput.safeParse({
      amountCents: 300,
      installments: [
        { dueOn: '2026-03-01', amountCents: 100 },
        { dueOn: '2026-04-01', amountCents: 200 },
      ],
    });
    expect(ok.success).toBe(true);
    const short = AgreeSettlementInput.safeParse({
      amountCents: 301,
      installments: [{ dueOn: '2026-03-01', amountCents: 300 }],
    });
    expect(short.error?.issues[0].message).toMatch(/add up to 300/);
    const unordered = AgreeSettlementInput.safeParse({
      amountCents: 300,
      installments: [
        { dueOn: '2026-04-01', amountCents: 100 },
        { dueOn: '2026-03-01', amountCents: 200 },
      ],
    });
    expect(unordered.success).toBe(false);
  });

  it('refuses a payment whose allocation does not add up', () => {
    const data = {
      paymentId: W2,
      debtorId: D1,
      amountCents: 100,
      receivedOn: '2026-02-03',
      method: 'check',
      allocations: [{ workerId: W1, amountCents: 99 }],
    };
    expect(() => PaymentReceived.parse(1, data)).toThrow(/add up to 99/);
    expect(PaymentReceived.parse(1, { ...data, amountCents: 99 }).amountCents).toBe(99);
  });
});
