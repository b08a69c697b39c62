import { given } from '@lse/domain';
import {
  AlreadyRelatedError,
  CaseAlreadyOpenedError,
  LinkTargetClosedError,
  LinkTargetNotFoundError,
} from './errors';
import { base, decider, opened, received, triaged } from '../test/events';
import { OTHER_CASE_ID, event, receivedComplaint } from '../test/fixtures';

const THIRD_CASE_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const survivor = { caseId: OTHER_CASE_ID, status: 'opened' } as const;
const link = { duplicateOfCaseId: OTHER_CASE_ID, reason: 'Coworker filed first.' };

describe('links between cases (issue 17 item 9)', () => {
  describe('duplicate', () => {
    const attach = {
      ...base,
      type: 'AttachDuplicate',
      duplicateCaseId: THIRD_CASE_ID,
      reason: 'Coworker filed first.',
    } as const;
    const attached = event('DuplicateAttached', {
      duplicateCaseId: THIRD_CASE_ID,
      reason: 'Coworker filed first.',
    });

    it('refuses a duplicate link to a case that does not exist, and writes nothing', () =>
      given(decider, [received])
        .when({ ...base, type: 'LinkDuplicate', link, target: { caseId: OTHER_CASE_ID, status: 'none' } })
        .thenThrows(LinkTargetNotFoundError));

    it('refuses a duplicate link to a case that is closed itself', () =>
      given(decider, [received])
        .when({
          ...base,
          type: 'LinkDuplicate',
          link,
          target: { caseId: OTHER_CASE_ID, status: 'duplicate' },
        })
        .thenThrows(LinkTargetClosedError));

    it('records the duplicate on the surviving case', () =>
      given(decider, [...triaged, opened])
        .when(attach)
        .then([attached]));

    it('records it once: attached again, nothing changes', () =>
      given(decider, [...triaged, opened, attached])
        .when(attach)
        .then([]));

    it('lists the duplicate among the surviving case’s links', () =>
      expect([...triaged, opened, attached].reduce(decider.evolve, decider.initialState)).toMatchObject({
        status: 'opened',
        complaint: { links: [{ kind: 'duplicate', caseId: THIRD_CASE_ID }] },
      }));
  });

  describe('related case', () => {
    const related = event('RelatedCaseLinked', {
      relatedCaseId: OTHER_CASE_ID,
      reason: 'Same owner, other site.',
      reciprocal: false,
    });
    const linkRelated = (reason = 'Same owner, other site.') =>
      ({
        ...base,
        type: 'LinkRelated',
        link: { relatedCaseId: OTHER_CASE_ID, reason },
        target: survivor,
      }) as const;

    it('links a related case', () => given(decider, [received]).when(linkRelated()).then([related]));

    it('leaves the complaint open', () =>
      expect([received, related].reduce(decider.evolve, decider.initialState).status).toBe('received'));

    it('refuses linking the same case twice', () =>
      given(decider, [received, related]).when(linkRelated('again')).thenThrows(AlreadyRelatedError));

    it('the other side records it too, as reciprocal', () =>
      given(decider, [...triaged, opened])
        .when({
          ...base,
          type: 'RecordRelatedLink',
          relatedCaseId: THIRD_CASE_ID,
          reason: 'Same owner, other site.',
        })
        .then([
          event('RelatedCaseLinked', {
            relatedCaseId: THIRD_CASE_ID,
            reason: 'Same owner, other site.',
            reciprocal: true,
          }),
        ]));
  });

  describe('merge', () => {
    const merged = event('ComplaintMerged', {
      intoCaseId: OTHER_CASE_ID,
      reason: 'Same workers, same period.',
    });
    const merge = (target: { caseId: string; status: 'opened' | 'none' } = survivor) =>
      ({
        ...base,
        type: 'MergeComplaint',
        merge: { intoCaseId: OTHER_CASE_ID, reason: 'Same workers, same period.' },
        target,
      }) as const;
    const moving = receivedComplaint();
    const mergedIn = event('ComplaintMergedIn', {
      fromCaseId: THIRD_CASE_ID,
      reason: 'Same workers, same period.',
      complainants: moving.complainants,
      allegations: moving.allegations,
    });

    it('closes the merged complaint', () => given(decider, [received]).when(merge()).then([merged]));

    it('folds the merged complaint to merged, naming the surviving case', () =>
      expect([received, merged].reduce(decider.evolve, decider.initialState)).toMatchObject({
        status: 'merged',
        mergedIntoCaseId: OTHER_CASE_ID,
      }));

    it('the surviving case receives its complainants and allegations', () =>
      given(decider, [...triaged, opened])
        .when({
          ...base,
          type: 'ReceiveMergedComplaint',
          fromCaseId: THIRD_CASE_ID,
          reason: 'Same workers, same period.',
          merged: { ...moving, crossFilings: [] },
        })
        .then([mergedIn]));

    it('adds them to the surviving case, with a link to the merged one', () => {
      const before = [...triaged, opened].reduce(decider.evolve, decider.initialState);
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

    it('refuses to merge an opened case away', () =>
      given(decider, [...triaged, opened])
        .when(merge())
        .thenThrows(CaseAlreadyOpenedError));

    it('refuses to merge into a case that does not exist', () =>
      given(decider, [received])
        .when(merge({ caseId: OTHER_CASE_ID, status: 'none' }))
        .thenThrows(LinkTargetNotFoundError));
  });
});
