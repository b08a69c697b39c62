import { parseHoursCsv, dollarsToCents, workerIdFor } from '../src/hours/hours-csv';
import {
  HoursUploadInvalidError,
  HoursJsonRequest,
  recordSetFromCsv,
  recordSetFromJson,
} from '../src/hours/hours-input';

const CASE = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const SET = 'aaaaaaaa-0000-4000-8000-000000000001';
const HEADER =
  'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary,bonus';

const errorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof HoursUploadInvalidError)
      return (err.details as { errors: Array<{ row: number; field: string }> }).errors.map(
        (e) => `${e.row}:${e.field}`,
      );
    throw err;
  }
  return [];
};

describe('hours and wages CSV', () => {
  it('turns dollars into integer cents without floating point', () => {
    expect(dollarsToCents('10')).toBe(1000);
    expect(dollarsToCents('10.5')).toBe(1050);
    expect(dollarsToCents('$0.07')).toBe(7);
    expect(dollarsToCents('1,000.00')).toBeUndefined();
    expect(dollarsToCents('10.005')).toBeUndefined();
    expect(dollarsToCents('-3')).toBeUndefined();
  });

  it('parses rows into workweek records with pay components; the same ref is the same worker', () => {
    const csv = [
      HEADER,
      'E1,"Ruiz, Ana",2025-03-02,10,10,10,10,10,,,10.00,50,,,25.00',
      'E1,"Ruiz, Ana",2025-03-09,8.25,8,8,8,8,0,0,10.00,40.25,,,',
      ',Ben Li,2025-03-02,9,9,9,9,9,0,0,,,405.00,,',
    ].join('\n');
    const set = recordSetFromCsv(CASE, SET, { format: 'csv', csv, source: 'employer_payroll' });
    expect(set.workers).toEqual([
      { workerId: workerIdFor(CASE, 'E1', ''), name: 'Ruiz, Ana' },
      { workerId: workerIdFor(CASE, '', 'ben  li'), name: 'Ben Li' },
    ]);
    expect(set.records[0]).toEqual({
      workerId: workerIdFor(CASE, 'E1', ''),
      weekStart: '2025-03-02',
      hours: [10, 10, 10, 10, 10, 0, 0],
      pay: [
        { kind: 'hourly', rateCents: 1000, hours: 50 },
        { kind: 'bonus', cents: 2500 },
      ],
    });
    expect(set.records[1].hours[0]).toBe(8.25);
    expect(set.records[2].pay).toEqual([{ kind: 'piece', cents: 40500 }]);
  });

  it('names every bad cell by row (the header is row 1) and column', () => {
    const csv = [
      HEADER,
      'E1,Ana,2025-02-30,10,10,10,10,10,0,0,10.00,50,,,',
      'E2,,2025-03-02,25,8.333,8,8,8,0,0,10.00,,,,',
      'E3,Cruz,2025-03-02,8,8,8,8,8,0,0,,,abc,,',
      'E3,Cruz,2025-03-02,8,8,8,8,8,0,0,,,1.00,,',
      'E4,Dee,2025-03-02,8,8',
    ].join('\n');
    expect(
      errorsOf(() => recordSetFromCsv(CASE, SET, { format: 'csv', csv, source: 'employer_payroll' })),
    ).toEqual([
      '2:week_start',
      '3:worker_name',
      '3:d1',
      '3:d2',
      '3:paid_hours',
      '4:piece',
      '6:(row)',
      '5:week_start',
    ]);
  });

  it('refuses unknown or missing columns at the header', () => {
    expect(
      parseHoursCsv(CASE, 'worker_name,week_start,d1,wage\n').errors.map((e) => `${e.row}:${e.field}`),
    ).toEqual(['1:wage', '1:d2', '1:d3', '1:d4', '1:d5', '1:d6', '1:d7']);
  });
});

describe('hours and wages JSON', () => {
  const W = '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d';
  const record = {
    workerId: W,
    weekStart: '2025-03-02',
    hours: [8, 8, 8, 8, 8, 0, 0],
    pay: [{ kind: 'hourly', rateCents: 1000, hours: 40 }],
  };
  const input = (records: unknown[]) =>
    HoursJsonRequest.parse({
      format: 'json',
      source: 'worker_records',
      workers: [{ workerId: W, name: 'Ana' }],
      records,
    });

  it('records valid rows', () => {
    expect(recordSetFromJson(SET, input([record])).records).toEqual([record]);
  });

  it('names each bad row (1-based) and field; unknown workers and repeated weeks too', () => {
    expect(
      errorsOf(() =>
        recordSetFromJson(
          SET,
          input([
            { ...record, hours: [8, 8, 8] },
            record,
            record,
            { ...record, workerId: '9b8c7d6e-5f4a-4b3c-9d2e-1f0a9b8c7d6e', weekStart: '2025-03-09' },
          ]),
        ),
      ),
    ).toEqual(['1:hours', '3:weekStart', '4:workerId']);
  });
});
