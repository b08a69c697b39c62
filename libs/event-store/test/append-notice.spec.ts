/**
 * The append notice: what the store hands its in-process listeners after a commit (the relay
 * publishes from it without reading the events back) must be exactly what a reader reads.
 */
import { randomUUID } from 'node:crypto';
import type { AppendedEvent, Checkpoint, RecordedEvent } from '../src';
import { anEvent, events } from '../src/contract/fixtures';
import { storeHarness, StoreHarness } from './harness';

describe.each([
  ['one statement per append', false],
  ['group commit', true],
])('append notice (%s)', (_name, groupCommit) => {
  let h: StoreHarness;
  let notices: Array<{ streamId: string; positions: number[]; appended: readonly AppendedEvent[] }>;
  const stream = () => `complaint-${randomUUID()}`;

  beforeEach(async () => {
    h = await storeHarness({ groupCommit });
    notices = [];
    h.store.onAppended((streamId, positions, appended) =>
      notices.push({ streamId, positions, appended: appended() }),
    );
  });
  afterEach(() => h.cleanup());

  const at = (e: RecordedEvent): Checkpoint => ({ txId: e.txId, position: e.globalPosition });

  /** Each notice's events equal the stored ones; each `previous` is the stream's event before. */
  async function expectNoticesMatchTheStore(): Promise<void> {
    for (const notice of notices) {
      const stored = await h.store.readStream(notice.streamId);
      const byPosition = new Map(stored.map((e) => [e.globalPosition, e]));
      expect(notice.appended.map((a) => a.event)).toEqual(notice.positions.map((p) => byPosition.get(p)));
      for (const { event, previous } of notice.appended) {
        const before = stored.find((e) => e.streamVersion === event.streamVersion - 1);
        expect(previous).toEqual(before ? at(before) : null);
      }
    }
  }

  it('gives each committed event as stored, with its predecessor, for new and existing streams', async () => {
    const first = stream();
    const second = stream();
    await h.store.append(first, events(3), 'no_stream');
    await h.store.append(first, events(2), 3);
    // Text that JSON escapes, and text over the BMP, read back as written.
    const unusual = {
      ...anEvent(),
      data: { note: 'Salario no pagado: "horas extra" \\ 5 días 🙂', nested: { list: [1, 2.5, null, true] } },
    };
    await Promise.all([
      h.store.append(second, [unusual], 'no_stream'),
      ...Array.from({ length: 10 }, () => h.store.append(stream(), events(2), 'no_stream')),
    ]);
    expect(notices).toHaveLength(13);
    expect(notices.flatMap((n) => n.appended)).toHaveLength(3 + 2 + 1 + 20);
    await expectNoticesMatchTheStore();
    const continued = notices[1].appended[0];
    expect(continued.previous).not.toBeNull();
    expect(continued.event.prevHash).toBe(notices[0].appended[2].event.hash);
  });

  it('gives nothing for a retry that wrote nothing', async () => {
    const id = stream();
    const batch = events(2);
    await h.store.append(id, batch, 'no_stream');
    const retry = await h.store.append(id, batch, 'no_stream');
    expect(retry.alreadyStored).toBe(true);
    expect(notices).toHaveLength(1);
    await expectNoticesMatchTheStore();
  });
});
