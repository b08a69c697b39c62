import { z } from 'zod';
import { pub } from '../classification';

/** Why a download was compiled again instead of served from the copy stored at release. */
export const RECOMPILED_BECAUSE = [
  /** It compiled to the released digests: the same bytes as released. */
  'identical',
  /** A person of its cases was erased since: served as it reads now, the erased values erased. */
  'erasure',
  /** It compiles differently with no erasure to explain it: the compiler changed since. */
  'compiler-changed',
] as const;
export type RecompiledBecause = (typeof RECOMPILED_BECAUSE)[number];

/**
 * `audit.releasedPackage`: the released package as the download serves it, with the digests
 * recorded at release (docs/erasure.md#released-foia-packages). The package was redacted for
 * release to the public: it is public as released.
 */
export const ReleasedPackageReply = z.object({
  requestId: pub(z.uuid()),
  /** The JSON document's bytes (canonical JSON): `sha256` is their SHA-256. */
  json: pub(z.string()),
  sha256: pub(z.string()),
  html: pub(z.string()),
  htmlSha256: pub(z.string()),
  releasedSha256: pub(z.string()),
  releasedHtmlSha256: pub(z.string()),
  /** `stored`: the bytes kept at release; `recompiled`: compiled again, for `recompiled`. */
  source: pub(z.enum(['stored', 'recompiled'])),
  recompiled: pub(z.enum(RECOMPILED_BECAUSE)).optional(),
});
export type ReleasedPackageReply = z.infer<typeof ReleasedPackageReply>;
