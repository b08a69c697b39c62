/**
 * Mints a development token: npm run token -- --role <role> --sub <id> [--org <partnerId>] [--ttl 3600] [--name <n>]
 * Signed with the local development key (var/dev-keys), accepted by a gateway with no AUTH_* set.
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { parseArgs } from 'node:util';
import { mintDevToken } from '../auth/mint-token';
import { isRole, ROLES, type Role } from '../auth/roles';

function fail(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run token -- --role <${ROLES.join('|')}> --sub <id> [--org <partnerId>] [--ttl <seconds>]\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', multiple: true },
        sub: { type: 'string' },
        org: { type: 'string' },
        ttl: { type: 'string', default: '3600' },
        name: { type: 'string' },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const roles = (values.role ?? []).flatMap((r) => r.split(','));
  if (roles.length === 0) fail('--role is required');
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) fail(`unknown role: ${unknown.join(', ')}`);
  if (!values.sub) fail('--sub is required');
  if (roles.includes('partner') && !values.org) fail('--org is required for the partner role');
  const ttl = Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0) fail('--ttl must be a positive number of seconds');
  const token = await mintDevToken({
    sub: values.sub,
    roles: roles as Role[],
    org: values.org,
    name: values.name,
    ttlSeconds: ttl,
  });
  process.stdout.write(`${token}\n`);
}

void main();
