import { EventDataInvalidError } from '../errors';
import { classifyData } from '../classify-data';
import { findUnclassifiedFields } from '../unclassified';
import {
  DeterminationIssued,
  HoursAndWagesRecorded,
  INVESTIGATION_EVENTS,
  InterviewRecorded,
  investigationStreamId,
} from '.';
import { EX, investigationExamples } from './examples';

function problems(definition: { parse(v: number, d: unknown): unknown }, data: unknown): string[] {
  try {
    definition.parse(1, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventDataInvalidError)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

const valid = investigationExamples();
type Type = keyof typeof INVESTIGATION_EVENTS;

describe('investigation stream events', () => {
  it('live in investigation-<caseId> streams', () => {
    expect(investigationStreamId(EX.caseId)).toBe(`investigation-${EX.caseId}`);
    for (const definition of Object.values(INVESTIGATION_EVENTS))
      expect(definition.category).toBe('investigation');
  });

  it('has an example for every event type of the catalog', () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(INVESTIGATION_EVENTS).sort());
  });

  it.each(Object.entries(valid))(
    '%s accepts a realistic example and classifies every field',
    (type, data) => {
      const definition = INVESTIGATION_EVENTS[type as Type];
      expect(problems(definition, data)).toEqual([]);
      expect(findUnclassifiedFields(definition.schema)).toEqual([]);
    },
  );

  it.each(Object.entries(valid))('%s rejects unknown fields', (type, data) => {
    expect(problems(INVESTIGATION_EVENTS[type as Type], { ...(data as object), smuggled: 1 })).toEqual([
      '(root)',
    ]);
  });

  it('a confidential interviewee is a confidential source, not just personal', () => {
    const values = classifyData(InterviewRecorded.schema, valid.InterviewRecorded);
    const at = (path: string) => values.find((v) => v.path.join('.') === path)?.classification;
    expect(at('interviewee.name')).toBe('confidential_source');
    expect(at('interviewee.role')).toBe('public');
    expect(at('summary')).toBe('deliberative');
    const open = classifyData(InterviewRecorded.schema, {
      ...valid.InterviewRecorded,
      interviewee: { ...valid.InterviewRecorded.interviewee, confidentialSource: false },
    });
    expect(open.find((v) => v.path.join('.') === 'interviewee.name')?.classification).toBe('personal');
  });

  it('payroll is commercial and worker names personal', () => {
    const values = classifyData(HoursAndWagesRecorded.schema, valid.HoursAndWagesRecorded);
    const at = (path: string) => values.find((v) => v.path.join('.') === path)?.classification;
    expect(at('workers.0.name')).toBe('personal');
    expect(at('records.0.hours.0')).toBe('commercial');
    expect(at('records.0.pay.0.rateCents')).toBe('commercial');
  });

  it('HoursAndWagesRecorded refuses unknown workers, duplicate weeks and odd hours', () => {
    const base = valid.HoursAndWagesRecorded;
    expect(
      problems(HoursAndWagesRecorded, {
        ...base,
        records: [
          { ...base.records[0], hours: [25, 8.333, 0, 0, 0, 0, 0] },
          base.records[0],
          { ...base.records[0], workerId: EX.otherId },
        ],
      }),
    ).toEqual(['records[0].hours[0]', 'records[0].hours[1]', 'records[1].weekStart', 'records[2].workerId']);
  });

  it('DeterminationIssued adds up and needs a second person', () => {
    const base = valid.DeterminationIssued;
    expect(
      problems(DeterminationIssued, {
        ...base,
        workers: [{ ...base.workers[0], totalCents: 9999 }],
        approvedBy: base.proposedBy,
      }),
    ).toEqual(['workers[0].totalCents', 'totals.totalCents', 'approvedBy']);
  });
});
