const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The ids a stored response concerns, as far as its request path and its Location name them
 * (cases, complaints...): `IdempotencyStore.forgetResources` drops an erased case's responses by them.
 */
export function resourceIdsOf(path: string, headers: Record<string, string>): string[] {
  const text = `${path} ${headers.location ?? ''} ${headers['content-location'] ?? ''}`.toLowerCase();
  return [...new Set(text.match(UUID) ?? [])];
}
