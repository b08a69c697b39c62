import { EventMetadataSchema, NewEventSchema, RecordedEventSchema, categoryOf, streamIdOf } from './envelope';
import { ROLES, Role } from './roles';
import { formatPath, toFieldIssues } from './errors';

const newEvent = () => ({
  eventId: '00000000-0000-4000-8000-000000000001',
  type: 'CaseOpened',
  schemaVersion: 1,
  data: { caseNumber: 'LSE-2026-000123' },
  metadata: {
    caseId: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    actor: { id: 'u-17', role: 'intake_officer' },
    correlationId: 'req-1',
    sourceService: 'intake',
    occurredAt: '2026-01-15T12:00:00Z',
    requestIp: '203.0.113.9',
  },
});

const recorded = () => ({
  ...newEvent(),
  streamId: 'complaint-3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  streamVersion: 1,
  globalPosition: 42,
  txId: '7781',
  recordedAt: '2026-01-15T12:00:00.123+00:00',
  hash: 'a'.repeat(64),
  prevHash: '',
});

const issues = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : toFieldIssues(result.error as never).map((i) => i.path);

describe('envelope schemas', () => {
  it('accept the port shapes and keep extra metadata', () => {
    expect(NewEventSchema.parse(newEvent()).metadata.requestIp).toBe('203.0.113.9');
    expect(RecordedEventSchema.parse(recorded()).globalPosition).toBe(42);
    expect(RecordedEventSchema.parse({ ...recorded(), prevHash: 'b'.repeat(64) }).prevHash).toHaveLength(64);
  });

  it('accept a system actor for reactions, and only known roles', () => {
    const withRole = (role: string) => ({ ...newEvent().metadata, actor: { id: 'investigation', role } });
    expect(EventMetadataSchema.safeParse(withRole('system')).success).toBe(true);
    expect(issues(EventMetadataSchema.safeParse(withRole('janitor')))).toEqual(['actor.role']);
  });

  it('reject malformed envelopes with readable paths', () => {
    const bad = {
      ...recorded(),
      eventId: 'not-a-uuid',
      schemaVersion: 0,
      streamId: 'Complaint',
      hash: 'xyz',
      metadata: { ...newEvent().metadata, occurredAt: '2026-01-15T12:00:00' },
    };
    expect(issues(RecordedEventSchema.safeParse(bad))).toEqual([
      'eventId',
      'schemaVersion',
      'metadata.occurredAt',
      'streamId',
      'hash',
    ]);
  });

  it('lists the roles of docs/architecture.md#roles', () => {
    expect(ROLES).toHaveLength(9);
    expect(Role.foia_officer).toBe('foia_officer');
  });

  it('splits stream ids at the first dash', () => {
    expect(categoryOf(streamIdOf('complaint', '3f1c2a9e-5b7d'))).toBe('complaint');
    expect(formatPath(['complainants', 0, 'email'])).toBe('complainants[0].email');
    expect(formatPath([])).toBe('(root)');
  });
});
