import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { eventually } from '@lse/testing';
import type { Api } from './http';

const OFFICER = { as: 'intake_officer' as const, sub: 'officer-7' };

/**
 * A hotline complaint received, assessed in jurisdiction (FLSA), triaged and opened through the
 * gateway, each step at the stream version it expects: the case id. Throws on any other status.
 */
export async function openCase(api: Api): Promise<string> {
  const received = await api.request<{ caseId: string }>('POST', '/complaints', {
    ...OFFICER,
    body: receiveInput(),
  });
  if (received.status !== 201) throw new Error(`receiving the complaint answered ${received.status}`);
  const { caseId } = received.body;
  const steps = [
    ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered.' }],
    ['triage', {}],
    ['open', {}],
  ] as const;
  for (const [i, [path, body]] of steps.entries()) {
    const res = await api.request('POST', `/complaints/${caseId}/${path}`, {
      ...OFFICER,
      body,
      headers: { 'if-match': `"${i + 1}"` },
    });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  }
  return caseId;
}

/** openCase, then until investigation has opened its side of the case (its own reaction). */
export async function openInvestigation(api: Api): Promise<string> {
  const caseId = await openCase(api);
  await eventually(
    () =>
      api.request<{ version?: number }>('GET', `/cases/${caseId}/investigation`, {
        as: 'supervisor',
        sub: 'sue@agency.gov',
      }),
    (res) => res.status === 200 && res.body.version === 1,
    { timeoutMs: 20_000, intervalMs: 100, what: `the investigation of ${caseId} to open` },
  );
  return caseId;
}
