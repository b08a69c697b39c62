/**
 * Field names that hold personal data (docs/architecture.md#classification-of-fields). Any log
 * object carrying one of them, at any of the first four levels, has the value replaced. Logging
 * such objects is still a bug; this is the safety net.
 */
export const PERSONAL_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'phoneNumber',
  'email',
  'address',
  'street',
  'ssn',
  'dateOfBirth',
  'dob',
  'fein',
] as const;

const SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'authorization',
  'token',
  'password',
];

export const REDACTED = '[redacted]';

export function redactPaths(fields: readonly string[] = PERSONAL_FIELDS): string[] {
  const prefixes = ['', '*.', '*.*.', '*.*.*.'];
  return [...SECRET_PATHS, ...fields.flatMap((field) => prefixes.map((prefix) => prefix + field))];
}
