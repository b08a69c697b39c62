/** A usage mistake: reported as one line, exit code 2. */
export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUED = new Set(['--as-of', '--case', '--cutoff', '--out', '--as', '--export', '--rule-sets']);

export function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (VALUED.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else if (name === '--json') flags.set(name, true);
    else throw new UsageError(`unknown option ${name}`);
  }
  return { positional, flags };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function uuidArg(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`give the ${what} id`);
  if (!UUID.test(value)) throw new UsageError(`${what} id "${value}" is not a UUID`);
  return value.toLowerCase();
}

export function instantArg(value: string | true | undefined, flag: string): string {
  if (typeof value !== 'string')
    throw new UsageError(`${flag} <instant> is required (e.g. 2026-03-01T12:00:00Z)`);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(Date.parse(value))
  )
    throw new UsageError(`${flag} "${value}" is not an instant with an offset (e.g. 2026-03-01T12:00:00Z)`);
  return new Date(value).toISOString();
}
