import type { DemoApi, Reply, Who } from './api';
import { eventually } from './api';
import { STAFF } from './data';

/** The stream version an answer carries: its ETag, else a `version` in the body. */
export function versionOf(reply: Reply<unknown>): number | undefined {
  const tag = reply.etag?.match(/^(?:W\/)?"(\d+)"$/);
  if (tag) return Number(tag[1]);
  const v = (reply.body as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' ? v : undefined;
}

/** A partner's staff member refers workers; intake receives it as a complaint under the referral's id. */
export async function refer(
  api: DemoApi,
  partner: Who,
  body: Record<string, unknown>,
  waitMs: number,
): Promise<{ caseId: string; channel: string }> {
  const submitted = await api.post<{ id: string }>('/referrals', partner, body);
  const caseId = submitted.body.id;
  const complaint = await eventually(
    () =>
      api.send<{ channel?: string; complaint?: { channel: string } }>(
        'GET',
        `/complaints/${caseId}`,
        STAFF.officer,
      ),
    (r) => r.status === 200,
    `intake to receive referral ${caseId} as a complaint`,
    waitMs,
  );
  return { caseId, channel: complaint.body.complaint?.channel ?? complaint.body.channel ?? '' };
}

/**
 * Intake's steps from a received complaint to an opened case: jurisdiction, statute of
 * limitations, triage, open. Each step sends the version the previous one answered as If-Match.
 */
export async function openCase(
  api: DemoApi,
  caseId: string,
  options: { willful?: boolean; before?: (version: number) => Promise<number> } = {},
): Promise<{ caseNumber: string; priority: string; version: number }> {
  let version = versionOf(await api.get(`/complaints/${caseId}`, STAFF.officer)) ?? 1;
  if (options.before) version = await options.before(version);
  const step = async (path: string, body: unknown) => {
    const reply = await api.post(`/complaints/${caseId}/${path}`, STAFF.officer, body, { ifMatch: version });
    version = versionOf(reply) ?? version + 1;
    return reply.body;
  };
  await step('jurisdiction-assessment', {
    inJurisdiction: true,
    statutes: ['FLSA'],
    reason: 'Employer engaged in commerce; workers are non-exempt employees.',
  });
  await step('limitations-assessment', { statute: 'FLSA', willful: options.willful ?? false });
  const triaged = (await step('triage', {})) as { triage?: { priority?: string } };
  const opened = (await step('open', {})) as { case?: { caseNumber?: string } };
  const caseNumber = opened.case?.caseNumber;
  if (!caseNumber) throw new Error(`opening case ${caseId} answered no case number`);
  return { caseNumber, priority: triaged.triage?.priority ?? '?', version };
}
