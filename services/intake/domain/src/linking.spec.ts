import { given } from '@lse/domain';
import type { ComplaintEvent } from '@lse/contracts';
import { base, decider, opened, received, triaged } from '../test/events';
import { OTHER_CASE_ID, receivedComplaint } from '../test/fixtures';

const THIRD_CASE_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const survivor = { caseId: OTHER_CASE_ID, status: 'opened' } as const;
const link = { duplicateOfCaseId: OTHER_CASE_ID, reason: 'Coworker filed first.' };

describe('links between cases (issue 17 item 9)', () => {
  describe('duplicate', () => {
    it('refuses a duplicate link to a case that does not exist, and writes nothing', () => {
      given(decider, [received])
        .when({ ...base, type: 'LinkDuplicate', link, target: { caseId: OTHER_CASE_ID, status: 'none' } })
        .thenThrows('validation');
    });

    it('refuses a duplicate link to a case that is closed itself', () => {
      given(decider, [received])
        .when({
          ...base,
          type: 'LinkDuplicate',
          link,
          target: { caseId: OTHER_CASE_ID, status: 'duplicate' },
        })
        .thenThrows('invalid_transition');
    });

    it('records the duplicate on the surviving case, once', () => {
      const attached: ComplaintEvent = {
        type: 'DuplicateAttached',
        data: { duplicateCaseId: THIRD_CASE_ID, reason: 'Coworker filed first.' },
      };
      given(decider, [...triaged, opened])
        .when({
          ...base,
          type: 'AttachDuplicate',
          duplicateCaseId: THIRD_CASE_ID,
          reason: 'Coworker filed first.',
        })
        .then([attached]);
      given(decider, [...triaged, opened, attached])
        .when({
          ...base,
          type: 'AttachDuplicate',
          duplicateCaseId: THIRD_CASE_ID,
          reason: 'Coworker filed first.',
        })
        .then([]);
      const state = [...triaged, opened, attached].reduce(decider.evolve, decider.initialState);
      expect(state).toMatchObject({
        status: 'opened',
        complaint: { links: [{ kind: 'duplicate', caseId: THIRD_CASE_ID }] },
      });
    });
  });

  describe('related case', () => {
    it('links a related case and leaves both open; the other side records it too', () => {
      const related: ComplaintEvent = {
        type: 'RelatedCaseLinked',
        data: { relatedCaseId: OTHER_CASE_ID, reason: 'Same owner, other site.', reciprocal: false },
      };
      given(decider, [received])
        .when({
          ...base,
          type: 'LinkRelated',
          link: { relatedCaseId: OTHER_CASE_ID, reason: 'Same owner, other site.' },
          target: survivor,
        })
        .then([related]);
      const state = [received, related].reduce(decider.evolve, decider.initialState);
      expect(state.status).toBe('received');
      given(decider, [received, related])
        .when({
          ...base,
          type: 'LinkRelated',
          link: { relatedCaseId: OTHER_CASE_ID, reason: 'again' },
          target: survivor,
        })
        .thenThrows('conflict');
      given(decider, [...triaged, opened])
        .when({
          ...base,
          type: 'RecordRelatedLink',
          relatedCaseId: THIRD_CASE_ID,
          reason: 'Same owner, other site.',
        })
        .then([
          {
            type: 'RelatedCaseLinked',
            data: { relatedCaseId: THIRD_CASE_ID, reason: 'Same owner, other site.', reciprocal: true },
          },
        ]);
    });
  });

  describe('merge', () => {
    it('closes the merged complaint and moves its complainants and allegations to the surviving case', () => {
      const merged: ComplaintEvent = {
        type: 'ComplaintMerged',
        data: { intoCaseId: OTHER_CASE_ID, reason: 'Same workers, same period.' },
      };
      given(decider, [received])
        .when({
          ...base,
          type: 'MergeComplaint',
          merge: { intoCaseId: OTHER_CASE_ID, reason: 'Same workers, same period.' },
          target: survivor,
        })
        .then([merged]);
      expect([received, merged].reduce(decider.evolve, decider.initialState)).toMatchObject({
        status: 'merged',
        mergedIntoCaseId: OTHER_CASE_ID,
      });

      const moving = receivedComplaint();
      const mergedIn: ComplaintEvent = {
        type: 'ComplaintMergedIn',
        data: {
          fromCaseId: THIRD_CASE_ID,
          reason: 'Same workers, same period.',
          complainants: moving.complainants,
          allegations: moving.allegations,
        },
      };
      const before = [...triaged, opened].reduce(decider.evolve, decider.initialState);
      given(decider, [...triaged, opened])
        .when({
          ...base,
          type: 'ReceiveMergedComplaint',
          fromCaseId: THIRD_CASE_ID,
          reason: 'Same workers, same period.',
          merged: { ...moving, crossFilings: [] },
        })
        .then([mergedIn]);
      const after = [...triaged, opened, mergedIn].reduce(decider.evolve, decider.initialState);
      if (after.status !== 'opened' || before.status !== 'opened') throw new Error('expected opened');
      expect(after.complaint.complainants).toHaveLength(
        before.complaint.complainants.length + moving.complainants.length,
      );
      expect(after.complaint.allegations).toHaveLength(
        before.complaint.allegations.length + moving.allegations.length,
      );
      expect(after.complaint.links).toEqual([
        { kind: 'merged_in', caseId: THIRD_CASE_ID, reason: 'Same workers, same period.' },
      ]);
    });

    it('refuses to merge an opened case away, or into a case that does not exist', () => {
      given(decider, [...triaged, opened])
        .when({
          ...base,
          type: 'MergeComplaint',
          merge: { intoCaseId: OTHER_CASE_ID, reason: 'x' },
          target: survivor,
        })
        .thenThrows('invalid_transition');
      given(decider, [received])
        .when({
          ...base,
          type: 'MergeComplaint',
          merge: { intoCaseId: OTHER_CASE_ID, reason: 'x' },
          target: { caseId: OTHER_CASE_ID, status: 'none' },
        })
        .thenThrows('validation');
    });
  });
});
