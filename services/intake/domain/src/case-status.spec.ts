import { caseStatusTimeline, type CaseMilestone } from './case-status';

const m = (
  kind: CaseMilestone['kind'],
  at: string,
  eventId = `00000000-0000-4000-8000-${at.slice(8, 10)}0000000000`,
) => ({
  kind,
  at: `2026-03-${at}T10:00:00.000Z`,
  eventId,
});

describe('case status across services (issue 17 item 7)', () => {
  it('follows the case from opening through investigation and collections to closing, with the date of each change', () => {
    expect(
      caseStatusTimeline([
        m('case_opened', '01'),
        m('investigator_assigned', '02'),
        m('determination_issued', '03'),
        m('collection_opened', '04'),
        m('collection_closed', '05'),
      ]),
    ).toEqual([
      { status: 'opened', at: '2026-03-01T10:00:00.000Z' },
      { status: 'under_investigation', at: '2026-03-02T10:00:00.000Z' },
      { status: 'determination_issued', at: '2026-03-03T10:00:00.000Z' },
      { status: 'in_collections', at: '2026-03-04T10:00:00.000Z' },
      { status: 'closed', at: '2026-03-05T10:00:00.000Z' },
    ]);
  });

  it('gives the same answer whatever order the services delivered the milestones in', () => {
    const inOrder = [
      m('case_opened', '01'),
      m('investigator_assigned', '02'),
      m('determination_issued', '03'),
      m('collection_opened', '04'),
    ];
    expect(caseStatusTimeline([...inOrder].reverse())).toEqual(caseStatusTimeline(inOrder));
  });

  it('keeps a case in collections when its investigation closes while money is still owed', () => {
    const timeline = caseStatusTimeline([
      m('case_opened', '01'),
      m('determination_issued', '03'),
      m('collection_opened', '04'),
      m('investigation_closed', '05'),
    ]);
    expect(timeline.at(-1)).toEqual({ status: 'in_collections', at: '2026-03-04T10:00:00.000Z' });
  });

  it('closes a case whose investigation closes with nothing sent to collections', () => {
    expect(
      caseStatusTimeline([
        m('case_opened', '01'),
        m('investigator_assigned', '02'),
        m('investigation_closed', '06'),
      ]).map((c) => c.status),
    ).toEqual(['opened', 'under_investigation', 'closed']);
  });

  it('puts a reopened collection case back in collections (issue 17 item 8)', () => {
    expect(
      caseStatusTimeline([
        m('case_opened', '01'),
        m('collection_opened', '04'),
        m('collection_closed', '05'),
        m('collection_reopened', '07'),
      ]).map((c) => c.status),
    ).toEqual(['opened', 'in_collections', 'closed', 'in_collections']);
  });

  it('puts a reopened investigation back under investigation (issue 17 item 8)', () => {
    expect(
      caseStatusTimeline([
        m('case_opened', '01'),
        m('investigator_assigned', '02'),
        m('investigation_closed', '05'),
        m('investigation_reopened', '07'),
      ]).map((c) => c.status),
    ).toEqual(['opened', 'under_investigation', 'closed', 'under_investigation']);
  });

  it('puts a complaint that ends at intake (declined, referred out, duplicate, merged) in the index under that status, dated', () => {
    expect(caseStatusTimeline([m('complaint_declined', '02')])).toEqual([
      { status: 'declined', at: '2026-03-02T10:00:00.000Z' },
    ]);
    expect(caseStatusTimeline([m('complaint_referred_out', '03')])).toEqual([
      { status: 'referred_out', at: '2026-03-03T10:00:00.000Z' },
    ]);
    expect(caseStatusTimeline([m('duplicate_linked', '04')])).toEqual([
      { status: 'duplicate', at: '2026-03-04T10:00:00.000Z' },
    ]);
    expect(caseStatusTimeline([m('complaint_merged', '05')])).toEqual([
      { status: 'merged', at: '2026-03-05T10:00:00.000Z' },
    ]);
  });
});
