import { useSyncExternalStore } from 'react';

export type Role = Actor['role'];
export interface Actor {
  id: string;
  role:
    | 'intake_officer'
    | 'investigator'
    | 'supervisor'
    | 'collections_officer'
    | 'partner_liaison'
    | 'partner'
    | 'auditor'
    | 'foia_officer'
    | 'admin';
  org?: string;
}

export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  actor: Actor;
  method: 'development' | 'oidc';
}

/**
 * The signed-in session lives in sessionStorage: one tab's, gone when the tab closes, never in
 * localStorage (shared by every tab and kept for ever). An expired session is dropped here and the
 * routes send the person to sign in, then back to the page they were on.
 */
const KEY = 'lse.session';
let current: Session | null = read();
let endReason: 'expired' | 'signed_out' | null = null;
const listeners = new Set<() => void>();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return typeof s.accessToken === 'string' && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

function notify(): void {
  for (const l of listeners) l();
}

function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  if (!current) return;
  // setTimeout's limit is about 24.8 days; sessions are hours long.
  const ms = Math.min(current.expiresAt - Date.now(), 2 ** 31 - 1);
  expiryTimer = setTimeout(() => endSession('expired'), Math.max(ms, 0));
}
scheduleExpiry();

export function getSession(): Session | null {
  if (current && current.expiresAt <= Date.now()) endSession('expired');
  return current;
}

export function startSession(session: Session): void {
  current = session;
  endReason = null;
  globalThis.sessionStorage?.setItem(KEY, JSON.stringify(session));
  scheduleExpiry();
  notify();
}

/** Ends the session: on sign-out, on expiry, or when the API answers 401 (token refused). */
export function endSession(reason: 'expired' | 'signed_out'): void {
  if (!current) return;
  current = null;
  endReason = reason;
  globalThis.sessionStorage?.removeItem(KEY);
  clearTimeout(expiryTimer);
  notify();
}

export function sessionEndReason(): 'expired' | 'signed_out' | null {
  return endReason;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
