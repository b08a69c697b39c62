/**
 * The authorization matrix against the running system (every service its own process): every
 * operation of the committed OpenAPI document x every role of docs/architecture.md#roles, without a
 * token, with bad tokens, and as a partner of another organization. Allowed exactly where
 * authorization-matrix.ts says: allowed = neither 401 nor 403 (nor 5xx); forbidden = 403 for a
 * valid token, 401 without one; a partner never sees another organization's referral (404,
 * indistinguishable from one that does not exist, and absent from every list).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@lse/contracts';
import { jose } from '@lse/gateway/src/auth/jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '@lse/gateway/src/auth/dev-keys';
import { mintDevToken } from '@lse/gateway/src/auth/mint-token';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';
import { EXPECTED } from './authorization-matrix';
import { createResources, partnerOf, pathValues, Resources } from './fixtures';
import { fillPath, loadOperations, Operation } from './operations';
import { Answer, problemDefect, send, short } from './probe';
import { sampleValid } from './schema-sample';

jest.setTimeout(120_000);

const OPERATIONS = loadOperations();

/** Tokens that must be refused with 401 whatever the route. */
async function badTokens(): Promise<Array<[string, string]>> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const foreign = await new jose.SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'dev-0000000000000000' })
    .setSubject('mallory')
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setExpirationTime('1h')
    .sign(privateKey);
  const valid = await mintDevToken({ sub: 'x', roles: ['auditor'] });
  const [h, p] = valid.split('.');
  return [
    ['garbage', 'not-a-jwt'],
    ['signed by another key', foreign],
    ['expired', await mintDevToken({ sub: 'late', roles: ['auditor'], ttlSeconds: -300 })],
    ['signature stripped (alg none)', `${h}.${p}.`],
    ['unknown role only', await mintDevToken({ sub: 'who', roles: ['superuser' as Role] })],
    ['partner without an organization', await mintDevToken({ sub: 'p', roles: ['partner'] })],
  ];
}

interface Principal {
  name: string;
  role?: Role;
  token?: string;
}

describe('the authorization matrix through the gateway', () => {
  let system: RunningSystem;
  let api: Api;
  let r: Resources;
  const principals: Principal[] = [];
  const failures: string[] = [];
  let cases = 0;
  let reachedService = 0;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    r = await createResources(system, api);
    for (const role of ROLES) {
      const token =
        role === 'partner'
          ? await api.token(role, partnerOf(r.partnerA).sub, r.partnerA)
          : await api.token(role, `${role}-matrix`);
      principals.push({ name: role, role, token });
    }
    principals.push({
      name: 'another organization’s partner',
      role: 'partner',
      token: await api.token('partner', 'staff-b', r.partnerB),
    });
    principals.push({ name: 'no token' });
    for (const [name, token] of await badTokens()) principals.push({ name: `bad token: ${name}`, token });
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
    process.stdout.write(
      `authorization: ${OPERATIONS.length} operations x ${principals.length} principals (${ROLES.length} roles, ` +
        `another org's partner, no token, ${principals.length - ROLES.length - 2} bad tokens) = ${cases} cases, ` +
        `${reachedService} allowed cases past validation, ${failures.length} failures\n`,
    );
  });

  /** Mutations address fresh ids (no shared state between cases); reads address the real resources. */
  function requestFor(op: Operation) {
    const values =
      op.method === 'GET'
        ? pathValues(op, r)
        : pathValues(op, {
            ...r,
            caseId: randomUUID(),
            partnerA: randomUUID(),
            agreementA: randomUUID(),
            foiaRequestId: randomUUID(),
          });
    const body = op.body ? JSON.stringify(sampleValid(op.body)) : undefined;
    return {
      method: op.method,
      url: fillPath(op, values),
      contentType: body ? 'application/json' : undefined,
      body,
    };
  }

  function verdict(op: Operation, who: Principal, answer: Answer): string | undefined {
    const rule = EXPECTED[op.operationId];
    if (!rule) return 'no entry in the expected matrix';
    if (answer.status >= 500) return `${answer.status} ${short(answer.text)}`;
    if (!who.role) {
      if (answer.status !== 401) return `expected 401, got ${answer.status}`;
      return problemDefect(answer);
    }
    if (rule.allowed.includes(who.role)) {
      if (answer.status === 401 || answer.status === 403)
        return `allowed by the matrix, got ${answer.status} ${short(answer.text)}`;
      return answer.status >= 400 ? problemDefect(answer) : undefined;
    }
    if (answer.status !== 403) return `forbidden by the matrix, got ${answer.status} ${short(answer.text)}`;
    return problemDefect(answer);
  }

  it.each(OPERATIONS.map((op) => [op.operationId, op] as const))(
    '%s: allowed exactly for the expected roles',
    async (_, op) => {
      // Every principal at once: the cases are independent (mutations address fresh ids).
      const found = (
        await Promise.all(
          principals.map(async (who) => {
            const answer = await send(system.gatewayUrl, { ...requestFor(op), token: who.token });
            if (who.role && EXPECTED[op.operationId]?.allowed.includes(who.role) && answer.status !== 400)
              reachedService++;
            const problem = verdict(op, who, answer);
            return problem ? [`${who.name}: ${problem}`] : [];
          }),
        )
      ).flat();
      cases += principals.length;
      failures.push(...found.map((f) => `${op.operationId} ${f}`));
      expect(found).toEqual([]);
    },
  );

  describe('a partner of another organization', () => {
    const asA = () => partnerOf(r.partnerA);
    const asB = () => ({ as: 'partner' as const, sub: 'staff-b', org: r.partnerB });
    /** What a missing referral answers, without what differs per request. */
    const notFound = (body: unknown) => {
      const { correlationId: _c, ...rest } = body as Record<string, unknown>;
      return rest;
    };

    it('gets 404 for the other organization’s referral, identical to a referral that does not exist', async () => {
      const own = await api.request('GET', `/referrals/${r.caseId}`, asA());
      expect(own.status).toBe(200);
      const other = await api.request('GET', `/referrals/${r.caseId}`, asB());
      const missing = await api.request('GET', `/referrals/${randomUUID()}`, asB());
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(notFound(other.body)).toEqual(notFound(missing.body));
      expect(JSON.stringify(other.body)).not.toContain(r.partnerA);
    });

    it('cannot change consent on the other organization’s referral: 404 like a missing one, nothing changes', async () => {
      const before = (
        await api.request<{ version: number; consents: unknown }>('GET', `/referrals/${r.caseId}`, asA())
      ).body;
      const workerId = (before.consents as Array<{ workerId: string }>)[0].workerId;
      const change = { workerId, scopes: [] };
      const other = await api.request('POST', `/referrals/${r.caseId}/consent`, { ...asB(), body: change });
      const missing = await api.request('POST', `/referrals/${randomUUID()}/consent`, {
        ...asB(),
        body: change,
      });
      expect(other.status).toBe(404);
      expect(notFound(other.body)).toEqual(notFound(missing.body));
      const after = (
        await api.request<{ version: number; consents: unknown }>('GET', `/referrals/${r.caseId}`, asA())
      ).body;
      expect(after.version).toBe(before.version);
      expect(after.consents).toEqual(before.consents);
    });

    it.each([
      ['/referrals', 'its referrals'],
      ['/referrals?partnerId={A}', 'referrals filtered by the other organization'],
      ['/disclosures', 'its disclosures'],
      ['/disclosures?partnerId={A}', 'disclosures filtered by the other organization'],
      ['/disclosures?referralId={R}', 'disclosures of the other organization’s referral'],
    ])('lists nothing of the other organization: %s (%s)', async (template) => {
      const path = template.replace('{A}', r.partnerA).replace('{R}', r.caseId);
      // The same list as the owner shows the referral: the check below can fail.
      const own = await api.request('GET', path, asA());
      expect(own.status).toBe(200);
      expect(JSON.stringify(own.body)).toContain(r.caseId);
      const other = await api.request<{ items?: unknown[] }>('GET', path, asB());
      expect([200, 403, 404]).toContain(other.status);
      const text = JSON.stringify(other.body);
      expect(text).not.toContain(r.caseId);
      expect(text).not.toContain(r.partnerA);
      // Only what belongs to B (the matrix above submitted a referral as B).
      if (other.status === 200)
        for (const item of other.body.items ?? [])
          expect((item as { partnerId?: string }).partnerId ?? r.partnerB).toBe(r.partnerB);
    });
  });
});
