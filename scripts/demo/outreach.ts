import { addDays, type IsoDate } from '@lse/domain';
import type { DemoApi } from './api';
import { OFFICE, STAFF } from './data';

/** A Labor Rights Week clinic held three days ago with the given partners. */
export async function outreach(
  api: DemoApi,
  partnerIds: string[],
  today: IsoDate,
  log: (line: string) => void,
): Promise<string> {
  const held = await api.post<{ id: string }>('/outreach-events', STAFF.liaison, {
    kind: 'labor_rights_week',
    title: 'Labor Rights Week: wage clinic at the Mission',
    heldOn: addDays(today, -3),
    office: OFFICE,
    partnerIds,
    location: 'Mission Neighborhood Center',
    attendance: 85,
    languages: ['es', 'en'],
    industries: ['car_washes', 'restaurants', 'construction'],
    complaintsTaken: 4,
  });
  log('outreach: Labor Rights Week clinic with the three partners');
  return held.body.id;
}
