import { COMPLAINT_EVENTS } from './complaint';
import { EventDataInvalidError } from './errors';
import { findUnsafeText, unsafeTextReason } from './text-rule';

describe('the text rule of every contract', () => {
  it('allows any Unicode text, paired surrogates (emoji) included', () => {
    for (const text of ['Ana Ruiz', 'ñandú', '李小龙', 'Zoë 👩🏽‍🔧', '\uFFFD', 'tab\tand\nnewline', ''])
      expect(unsafeTextReason(text)).toBeUndefined();
  });

  it('refuses NUL and unpaired surrogates wherever they sit in the string', () => {
    for (const text of ['\u0000', 'Ana\u0000Ruiz', 'end\u0000'])
      expect(unsafeTextReason(text)).toMatch(/NUL/);
    for (const text of ['\ud800', 'x\ud83dy', 'x\udc00', '\udc00\ud800', 'ok 👩 then \ud83d'])
      expect(unsafeTextReason(text)).toMatch(/unpaired surrogate/);
  });

  it('finds every offending string and property name with its path, however deep', () => {
    const value = {
      complainants: [{ name: 'Ana' }, { name: 'Luis\u0000' }],
      employer: { address: { city: 'S\ud800F' } },
      ['bad\u0000key']: 1,
      ok: ['fine', 3, null, true],
    };
    // A property name is reported when its object is reached, before what lies below.
    expect(findUnsafeText(value)).toEqual([
      { path: ['bad\u0000key'], message: expect.stringMatching(/^property name .*NUL/) },
      { path: ['complainants', 1, 'name'], message: expect.stringMatching(/NUL/) },
      { path: ['employer', 'address', 'city'], message: expect.stringMatching(/surrogate/) },
    ]);
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(1);
  });

  it('every event of every contract is refused with such text when created (no store ever sees it)', () => {
    const create = (note: string) =>
      COMPLAINT_EVENTS.ComplaintWithdrawn.create({
        eventId: '7b0f8f0e-5a43-4b1d-8f6e-1c2d3e4f5a6b',
        data: { reason: note },
        metadata: {
          actor: { id: 'officer-1', role: 'intake_officer' },
          correlationId: 'c-1',
          sourceService: 'intake',
          occurredAt: '2026-03-01T10:00:00Z',
        },
      });
    expect(() => create('The worker asked to withdraw.')).not.toThrow();
    expect(() => create('asked\u0000to withdraw')).toThrow(EventDataInvalidError);
    expect(() => create('asked \ud800')).toThrow(/data\.reason: must not contain an unpaired surrogate/);
  });
});
