import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { INVESTIGATION_PATTERNS as P } from '@lse/contracts';
import { SealedEventStore, type SubjectKeys } from '@lse/crypto-shred';
import type { CommandResult } from '../src/commands/command-result';
import { eventually, InvestigationClient, startInvestigation, type RunningInvestigation } from './harness';

/**
 * A service's logs hold no personal data, whatever the request
 * (docs/erasure.md#logs-metrics-and-dead-letters): logs are kept beyond any erasure, crypto-shredding cannot reach them. And a
 * command for an erased worker is refused as such (subject_erased, a 409 at the gateway).
 */
describe('what the investigation service logs of commands with personal data', () => {
  let svc: RunningInvestigation;
  let client: InvestigationClient;
  const lines: string[] = [];
  const plant = `Zebulon Quixotl-${randomUUID().slice(0, 8)}`;
  const phone = '+14155550142';
  beforeAll(async () => {
    const capture = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(
          ...chunk
            .toString()
            .split('\n')
            .filter((l) => l.trim()),
        );
        done();
      },
    });
    svc = await startInvestigation({ LOG_LEVEL: 'debug' }, { logDestination: capture });
    client = new InvestigationClient(svc.nats.url, svc.prefix);
  });
  afterAll(async () => {
    await client.close();
    await svc.close();
  });

  it('logs no planted name or phone through accepted, refused and erased-subject commands', async () => {
    const { caseId } = await svc.openCase('LSE-2026-000901');
    await eventually(
      () => svc.store.readStream(`investigation-${caseId}`),
      (e) => e.length === 1,
    );
    const worker = randomUUID();
    const interview = (name: string, phoneNumber: string) => ({
      caseId,
      input: {
        interviewee: {
          role: 'worker',
          workerId: worker,
          name,
          phone: phoneNumber,
          confidentialSource: false,
        },
        interviewedOn: '2026-01-20',
        language: 'en',
        interpreterUsed: false,
        traumaInformedProtocol: false,
        summary: `${plant} said she was paid in cash`,
      },
    });
    await client.ok<CommandResult>(P.recordInterview, interview(plant, phone));
    // Refused by the contract: the plant sits beside the invalid value.
    const refused = await client.send(P.recordInterview, interview(plant, `${plant} not a phone`));
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    await client.ok(P.attachEvidence, {
      caseId,
      input: {
        contentBase64: Buffer.from(`texts from ${plant}`).toString('base64'),
        mediaType: 'text/plain',
        fileName: `${plant}.txt`,
      },
    });
    // The worker is erased; new data about them is refused, and said so.
    const keys = svc.app.get(SealedEventStore).keys as SubjectKeys;
    expect(await keys.destroy(`worker:${worker}`)).toBe(true);
    const erased = await client.send(P.recordInterview, interview(plant, phone));
    expect(erased).toMatchObject({ ok: false, error: { code: 'subject_erased' } });

    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    // Metrics: labelled by pattern and outcome (an error's code), never by a value.
    const metrics = await request(svc.app.getHttpServer() as never)
      .get('/metrics')
      .expect(200);
    expect(metrics.text).toMatch(/outcome="subject_erased"/);
    for (const leak of [plant, 'Zebulon', 'Quixotl', phone, '5550142']) {
      expect(logged).not.toContain(leak);
      expect(metrics.text).not.toContain(leak);
    }
  });
});
