import { useSyncExternalStore } from 'react';

/**
 * Whether the last call found the system down (gateway unreachable, or 502/503/504 from a service
 * behind it). Set by every query and mutation (app/query-client.ts), shown as a banner above every
 * page, cleared by the next call that succeeds.
 */
let down = false;
const listeners = new Set<() => void>();

export function reportServiceDown(isDown: boolean): void {
  if (down === isDown) return;
  down = isDown;
  for (const l of listeners) l();
}

export function useServiceDown(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => down,
    () => false,
  );
}
