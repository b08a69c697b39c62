/**
 * The instants a case's time control snaps to: each distinct time at which the store recorded
 * events of the case (events of one transaction share it). "As of" an instant includes every
 * event recorded at or before it, as the API's `asOf` does.
 */

export interface Recorded {
  recordedAt: string;
}

export interface Stop<T extends Recorded> {
  /** ISO instant (milliseconds, UTC), as the store recorded it. */
  at: string;
  /** The events recorded at this instant. */
  events: T[];
}

const ms = (iso: string) => new Date(iso).getTime();

/** Events grouped by the instant they were recorded, oldest first. */
export function stopsOf<T extends Recorded>(events: readonly T[]): Stop<T>[] {
  const byInstant = new Map<number, T[]>();
  for (const e of events) {
    const key = ms(e.recordedAt);
    const list = byInstant.get(key);
    if (list) list.push(e);
    else byInstant.set(key, [e]);
  }
  return [...byInstant.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, list]) => ({ at: new Date(key).toISOString(), events: list }));
}

/**
 * The last stop at or before `at` (the state shown then is the one that stop produced), -1
 * when `at` is before the case's first event.
 */
export function stopIndexAt(stops: readonly Stop<Recorded>[], at: string): number {
  const t = ms(at);
  let found = -1;
  stops.forEach((s, i) => {
    if (ms(s.at) <= t) found = i;
  });
  return found;
}

/** Events recorded after `at`: what the case went through since. */
export function eventsAfter<T extends Recorded>(events: readonly T[], at: string): T[] {
  const t = ms(at);
  return events.filter((e) => ms(e.recordedAt) > t);
}

/** An ISO instant, or undefined for text that is not one (a hand-edited URL). */
export function parseInstant(text: string | null | undefined): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return undefined;
  const t = new Date(text).getTime();
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** `YYYY-MM-DDTHH:mm:ss.sss` in the browser's time zone, for `<input type="datetime-local">`. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

/** The value of a datetime-local input (browser time zone) as an ISO instant, or undefined. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
