import request from 'supertest';
import { startGateway, type TestGateway } from '../../services/gateway/test/support/gateway-harness';
import { startIntake, type RunningIntake } from '../../services/intake/test/intake-harness';
import { startAudit, type RunningAudit } from '../../services/audit/test/audit-harness';

/**
 * Cases, employers and public-records requests as staff use them (issue 17, items 8-11):
 * HTTP -> real gateway -> NATS -> real intake and audit -> PostgreSQL.
 */
describe('cases, employers and FOIA requests through the gateway', () => {
  let intake: RunningIntake;
  let audit: RunningAudit;
  let gw: TestGateway;
  let foiaOfficer: string;

  beforeAll(async () => {
    intake = await startIntake();
    audit = await startAudit({ prefix: intake.prefix, eventSchema: intake.eventSchema });
    gw = await startGateway({ SERVICE_TIMEOUT_MS: '5000', NATS_SUBJECT_PREFIX: intake.prefix }, []);
    foiaOfficer = await gw.token('foia_officer', 'records-1');
  });
  afterAll(async () => {
    await gw?.close();
    await audit?.close();
    await intake?.close();
  });

  const http = () => request(gw.server as never);
  const post = (path: string, token: string, body: unknown) =>
    http()
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);
  const eventCount = async () => (await intake.store.readAll({ limit: 10_000 })).events.length;

  describe('FOIA jurisdiction (issue 17 item 11)', () => {
    const request = (jurisdiction?: string) => ({
      requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
      description: 'The car wash case file.',
      caseIds: ['8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d'],
      ...(jurisdiction === undefined ? {} : { jurisdiction }),
    });

    it('refuses a jurisdiction without an exemption catalog when the request is made (400 naming the field), writing nothing', async () => {
      const before = await eventCount();
      const res = await post('/foia-requests', foiaOfficer, request('atlantis')).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.body as { errors: Array<{ path: string }> }).errors).toEqual([
        expect.objectContaining({ path: 'jurisdiction' }),
      ]);
      expect(await eventCount()).toBe(before);
    });

    it('receives a request under a known jurisdiction, federal by default', async () => {
      await post('/foia-requests', foiaOfficer, request('federal')).expect(201);
      await post('/foia-requests', foiaOfficer, request()).expect(201);
    });
  });
});
