import type { TriageScored } from '@lse/contracts';
import { given, isoDate as d, replay } from '@lse/domain';
import { base, decider, jurisdiction, limitationsAssessed, received } from '../test/events';
import { event, receivedComplaint } from '../test/fixtures';

describe('complaint decider', () => {
  describe('ScoreTriage', () => {
    it('scores every factor with its explanation and derives the priority', () => {
      given(decider, [received, jurisdiction, limitationsAssessed])
        .when({ ...base, type: 'ScoreTriage', priorCases: { caseNumbers: [] } })
        .then([
          {
            type: 'TriageScored',
            data: {
              score: 77,
              priority: 'P1',
              factors: [
                { factor: 'workers_affected', points: 20, explanation: '12 workers affected.' },
                {
                  factor: 'severity',
                  points: 12,
                  explanation: 'Most serious allegation: retaliation (alleged: overtime, retaliation).',
                },
                { factor: 'jurisdiction', points: 10, explanation: 'Within jurisdiction under FLSA.' },
                { factor: 'ongoing', points: 15, explanation: '1 allegation is ongoing.' },
                {
                  factor: 'repeat_violator',
                  points: 0,
                  explanation: 'No earlier case with violations found against this employer.',
                },
                {
                  factor: 'high_violation_industry',
                  points: 10,
                  explanation: 'NAICS 811192 is in a targeted high-violation industry (car_washes).',
                },
                {
                  factor: 'limitations_remaining',
                  points: 15,
                  explanation: "Only 44 days before recoverable wages start to fall outside FLSA's period.",
                },
                {
                  factor: 'resource_intensity',
                  points: -5,
                  explanation: 'medium resource intensity (estimated from workers and allegations).',
                },
              ],
            },
          },
        ]);
    });

    it('counts a repeat violator from the employer index and an assessed resource intensity', () => {
      const [scored] = decider.decide(
        {
          ...base,
          type: 'ScoreTriage',
          priorCases: { caseNumbers: ['LSE-2024-000007', 'LSE-2025-000311'] },
          resourceIntensity: 'high',
        },
        decider.evolve(decider.initialState, received),
      );
      expect(scored.type).toBe('TriageScored');
      const data = scored.data as TriageScored;
      expect(data.factors.find((f) => f.factor === 'repeat_violator')).toEqual({
        factor: 'repeat_violator',
        points: 20,
        explanation:
          '2 earlier cases with violations found against this employer: LSE-2024-000007, LSE-2025-000311.',
      });
      expect(data.factors.find((f) => f.factor === 'resource_intensity')?.points).toBe(-10);
      // 20 workers + 12 severity + 0 jurisdiction + 15 ongoing + 20 repeat + 10 industry + 0 limitations - 10
      expect(data).toMatchObject({ score: 67, priority: 'P2' });
    });

    it('clamps at 0 and ranks a small, stale, out-of-jurisdiction complaint P4', () => {
      const small = receivedComplaint({
        employer: {
          name: 'Corner Office Supplies',
          address: receivedComplaint().employer.address,
          naics: '424120',
        },
        allegations: [
          {
            type: 'recordkeeping',
            periodStart: d('2025-01-01'),
            periodEnd: d('2025-02-01'),
            ongoing: false,
            workersAffected: 1,
          },
        ],
      });
      const [scored] = decider.decide(
        { ...base, type: 'ScoreTriage', priorCases: { caseNumbers: [] } },
        replay(decider, [
          event('ComplaintReceived', small),
          event('JurisdictionAssessed', {
            inJurisdiction: false,
            statutes: [],
            reason: 'Federal contractor.',
          }),
        ]),
      );
      expect(scored.data).toMatchObject({ score: 0, priority: 'P4' });
      expect((scored.data as TriageScored).factors.map((f) => [f.factor, f.points])).toEqual([
        ['workers_affected', 5],
        ['severity', 3],
        ['jurisdiction', -40],
        ['ongoing', 0],
        ['repeat_violator', 0],
        ['high_violation_industry', 0],
        ['limitations_remaining', 0],
        ['resource_intensity', 0],
      ]);
    });
  });
});
