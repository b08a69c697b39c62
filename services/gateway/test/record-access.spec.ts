import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { API_CONTROLLERS } from '../src/app.module';
import { recordsAccessOf, UNRECORDED_READS } from '../src/audit';

/** Every GET route of the API with its handler, from the controllers the gateway serves. */
function getRoutes(): Array<{ route: string; handler: object }> {
  const out: Array<{ route: string; handler: object }> = [];
  for (const controller of API_CONTROLLERS) {
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) continue;
      out.push({ route: `GET ${String(Reflect.getMetadata(PATH_METADATA, handler))}`, handler });
    }
  }
  return out;
}

describe('reads of personal data are recorded (docs/architecture.md#recorded-reads)', () => {
  const routes = getRoutes();

  it('finds the GET routes', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.route)).toContain('GET collections/:caseId/statements/workers/:workerId');
  });

  it('every GET route either records the read or says why it reads no personal data, never both', () => {
    const undecided = routes.filter((r) => !recordsAccessOf(r.handler) && !UNRECORDED_READS[r.route]);
    expect(undecided.map((r) => r.route)).toEqual([]);
    const both = routes.filter((r) => recordsAccessOf(r.handler) && UNRECORDED_READS[r.route]);
    expect(both.map((r) => r.route)).toEqual([]);
    // No stale entry: each exemption names a route that exists.
    const known = new Set(routes.map((r) => r.route));
    expect(Object.keys(UNRECORDED_READS).filter((route) => !known.has(route))).toEqual([]);
  });

  it('records statements, referrals, disclosures and partner reads under their case or subject', () => {
    const marked = Object.fromEntries(
      routes.flatMap((r) => {
        const m = recordsAccessOf(r.handler);
        return m ? [[r.route, m]] : [];
      }),
    );
    expect(marked).toMatchObject({
      'GET complaints/:caseId': { resource: 'complaint' },
      'GET collections/:caseId/statements/workers/:workerId': {
        resource: 'worker-statement',
        subjectParam: 'workerId',
      },
      'GET collections/:caseId/statements/debtors/:debtorId': { resource: 'debtor-statement' },
      'GET referrals/:id': { resource: 'referral', caseIdParam: 'id' },
      'GET referrals': { resource: 'referral-list' },
      'GET disclosures': { resource: 'disclosure-ledger', caseIdQuery: 'referralId' },
      'GET partners': { resource: 'partner-directory' },
      'GET foia-requests/:requestId': { resource: 'foia-request' },
    });
    // A parameter named for the case or the subject is one of the route's.
    for (const [route, m] of Object.entries(marked))
      for (const param of [m.caseIdParam, m.subjectParam]) if (param) expect(route).toContain(`:${param}`);
  });
});
