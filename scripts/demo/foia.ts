import type { DemoApi } from './api';
import { STAFF } from './data';

export interface FoiaReleased {
  requestId: string;
  cutoff: string;
  sha256: string;
  caseIds: string[];
}

/** A reporter's request for the cases' files, compiled as of `cutoff` and released. */
export async function releaseFoia(
  api: DemoApi,
  caseIds: string[],
  cutoff: string,
  log: (line: string) => void,
): Promise<FoiaReleased> {
  const created = await api.post<{ requestId: string }>('/foia-requests', STAFF.foia, {
    requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
    description: 'Case files of the Bayshore car wash and the Sunset framing complaints.',
    caseIds,
  });
  const { requestId } = created.body;
  const compiled = await api.post<{ sha256: string; warnings: string[] }>(
    `/foia-requests/${requestId}/compilations`,
    STAFF.foia,
    { cutoff },
  );
  // As an officer would: a package the compilation warns about (empty, or a case left out by the
  // cut-off) is not released.
  if (compiled.body.warnings.length > 0)
    throw new Error(`FOIA ${requestId} not released: ${compiled.body.warnings.join(' ')}`);
  const released = await api.post<{ sha256: string }>(`/foia-requests/${requestId}/release`, STAFF.foia, {
    cutoff,
  });
  if (released.body.sha256 !== compiled.body.sha256)
    throw new Error(
      `FOIA ${requestId}: the release digest differs from the compilation's as of the same cut-off`,
    );
  log(`FOIA: request compiled as of ${cutoff} and released (sha256 ${released.body.sha256.slice(0, 16)}...)`);
  return { requestId, cutoff, sha256: released.body.sha256, caseIds };
}
