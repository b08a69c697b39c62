/**
 * Where to go after signing in: only a path of this site (`/cases/...`), never another origin
 * (`//evil.example`, `https://...`), so the sign-in page cannot be used as an open redirect.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/my-work';
  if (value.startsWith('/sign-in')) return '/my-work';
  return value;
}
