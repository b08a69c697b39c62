/*
 * GET /foia-requests/{id}/package: the headers the answer carries (audit answers the
 * ReleasedPackageReply contract; docs/erasure.md#released-foia-packages).
 */

export const digestHeader = (hex: string) => `sha-256=${Buffer.from(hex, 'hex').toString('base64')}`;

export const RELEASED_PACKAGE_HEADERS = {
  Digest: {
    description: 'The SHA-256 of the body (RFC 3230): `sha-256=<base64>`.',
    schema: { type: 'string' },
  },
  'Lse-Package-Recompiled': {
    required: false as const,
    description:
      'Present when no copy was stored at release and the package was compiled again: `identical` (it compiled to the released digests: the released bytes), `erasure` (a person of its cases was erased since: served as it reads now, their values erased) or `compiler-changed` (it compiles differently with no erasure to explain it; audit logs a warning).',
    schema: { type: 'string', enum: ['identical', 'erasure', 'compiler-changed'] },
  },
  'Lse-Released-Digest': {
    required: false as const,
    description:
      'Present when the body is not the bytes released (`erasure` or `compiler-changed`): the SHA-256 FoiaResponseReleased recorded for this representation, `sha-256=<base64>`.',
    schema: { type: 'string' },
  },
};
