import { eventBuilder } from './events';

// A contract as @lse/contracts defines one: it takes plain strings and gives checked data.
type Day = string & { readonly day: true };
const Visited = {
  version: 2,
  parse(schemaVersion: number, data: unknown): { on: Day } {
    const on = (data as { on?: unknown }).on;
    if (schemaVersion !== 2 || typeof on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(on))
      throw new Error('Visited: not valid');
    return { on: on as Day };
  },
  create(input: { eventId: string; data: { on: string } }) {
    return input;
  },
};
const event = eventBuilder({ Visited });

describe('eventBuilder', () => {
  it('builds the event with the data its contract gives', () => {
    const visited = event('Visited', { on: '2026-03-01' });
    expect(visited).toEqual({ type: 'Visited', data: { on: '2026-03-01' } });
    const day: Day = visited.data.on;
    expect(day).toBe('2026-03-01');
  });

  it('refuses data its contract refuses, at the current version', () => {
    expect(() => event('Visited', { on: 'March' })).toThrow('Visited: not valid');
  });
});
