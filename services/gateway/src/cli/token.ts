/**
 * Mints a development token: npm run token -- --role <role> --sub <id> [--org <partnerId>] [--ttl 3600] [--name <n>]
 * (`--help` explains each option).
 * Signed with the local development key (var/dev-keys), accepted only by a gateway started with
 * AUTH_MODE=development (as npm start starts it).
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { parseArgs } from 'node:util';
import { mintDevToken } from '../auth/mint-token';
import { isRole, ROLES, type Role } from '../auth/roles';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> --sub <id> [--org <partnerId>] [--ttl <seconds>]`;

const HELP = `Mints a development JWT (printed on stdout) for a gateway that runs with the development issuer
(AUTH_MODE=development, as npm start runs it).

${USAGE}

  --role <role>     the caller's role; repeat it or separate roles with commas for several
  --sub <id>        the caller's id (recorded as the actor of everything it does)
  --org <partnerId> the partner organization of a partner user (required with --role partner):
                    the id POST /api/v1/partners answered
  --ttl <seconds>   lifetime, default 3600
  --name <name>     a display name
  -h, --help        this text

The key is var/dev-keys (DEV_KEYS_DIR). Example:
  TOKEN=$(npm run -s token -- --role intake_officer --sub alice)
  curl -s localhost:3000/api/v1/whoami -H "Authorization: Bearer $TOKEN"
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n(npm run token -- --help for more)\n`);
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
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
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
