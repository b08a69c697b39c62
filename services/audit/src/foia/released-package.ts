import { FoiaRequestNotFoundError, packageJson } from '@lse/audit-domain';
import type { RecompiledBecause, ReleasedPackageReply } from '@lse/contracts';
import { ValidationError } from '@lse/domain';
import type { EventStore } from '@lse/event-store';
import { erasedFrom } from '../records/erased-from';
import type { FoiaDesk } from './foia-desk';
import type { ReleasedCopies } from './released-copies';

/** The released package as the download serves it (the reply contract without the request id). */
export type ServedPackage = Omit<ReleasedPackageReply, 'requestId'>;
export type { RecompiledBecause };

/**
 * The final release's package (through an appeal of it too): the copy stored at release, checked
 * against the recorded digests (ReleasedCopyMismatchError, never served, when it is not them).
 * Without a readable copy (released before copies were kept, deleted by an erasure of a person
 * of its cases, unreadable once a case's key was destroyed, or never kept because that key was
 * destroyed before the release -- ReleasedCopies.keeping) it is compiled again and served as it
 * compiles now, with why.
 */
export async function servedPackage(
  desk: Pick<FoiaDesk, 'load' | 'compilePackage'>,
  store: Pick<EventStore, 'readAll'>,
  copies: ReleasedCopies | undefined,
  requestId: string,
): Promise<ServedPackage> {
  const { state } = await desk.load(requestId);
  if (state.status === 'none') throw new FoiaRequestNotFoundError(requestId);
  // The final release stays the package on record through an appeal of it, and while the request
  // is reprocessing after one, until a new final release replaces it.
  if (state.status === 'received' || !state.release)
    throw new ValidationError('The response to this request has not been released.', {
      reason: 'not_released',
    });
  const release = state.release;
  const recorded = { releasedSha256: release.packageSha256, releasedHtmlSha256: release.htmlSha256 };
  const copy = copies
    ? await copies.read(requestId, release.packageSha256, release.htmlSha256)
    : ({ kind: 'none' } as const);
  if (copy.kind === 'copy')
    return {
      json: copy.json,
      sha256: release.packageSha256,
      html: copy.html,
      htmlSha256: release.htmlSha256,
      ...recorded,
      source: 'stored',
    };
  const compiled = await desk.compilePackage(requestId, release.cutoff, state);
  const served = {
    json: packageJson(compiled.package),
    sha256: compiled.sha256,
    html: compiled.html,
    htmlSha256: compiled.htmlSha256,
    ...recorded,
    source: 'recompiled' as const,
  };
  if (compiled.sha256 === release.packageSha256 && compiled.htmlSha256 === release.htmlSha256)
    return { ...served, recompiled: 'identical' };
  // A person of its cases erased since (docs/erasure.md): it compiles with their values erased,
  // so no longer to the released digest; served as it compiles now, never with the erased values.
  const erased =
    copy.kind === 'erased' || compiled.erased || (await erasedFrom(store, state.request.caseIds));
  return { ...served, recompiled: erased ? 'erasure' : 'compiler-changed' };
}
