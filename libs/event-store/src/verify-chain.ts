import { canonicalBody, chainHash, contentDigest } from './canonical';
import type { RecordedEvent, VerifyReport } from './port';

export type BrokenLink = NonNullable<VerifyReport['firstBroken']>;

/** The head a store keeps per stream; truncation after the last event shows up against it. */
export interface StreamHead {
  streamId: string;
  version: number;
  lastHash: string;
}

/**
 * One stored event as the chain sees it. Whether its own hash matches its content is decided by
 * whoever read it (PostgreSQL recomputes scheme-2 hashes natively; `hashMatchesContent` does
 * scheme 1 in Node); the walker checks the links between events and against the head.
 */
export interface ChainLink {
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  prevHash: string;
  hash: string;
  hashValid: boolean;
}

/** Scheme 1 (rows stored before migration 004): the hash recomputed from canonical JSON. */
export function hashMatchesContent(e: RecordedEvent): boolean {
  return chainHash(e.prevHash, e.streamVersion, contentDigest(canonicalBody(e))) === e.hash;
}

/**
 * Follows one stream's hash chain event by event, so that a stream of any length is checked
 * without holding it in memory. Pure: the audit service uses it on events read from anywhere.
 */
export class ChainWalker {
  private prevHash = '';
  private nextVersion = 1;

  constructor(readonly streamId: string) {}

  /** The first broken link at this event, if any. Events must come in stored version order. */
  step(e: ChainLink): BrokenLink | undefined {
    const at = { streamId: e.streamId, streamVersion: e.streamVersion, globalPosition: e.globalPosition };
    if (e.streamVersion !== this.nextVersion) return { ...at, problem: 'version_gap' };
    if (e.prevHash !== this.prevHash) return { ...at, problem: 'prev_hash_mismatch' };
    if (!e.hashValid) return { ...at, problem: 'hash_mismatch' };
    this.prevHash = e.hash;
    this.nextVersion++;
    return undefined;
  }

  /** Compares the walked chain with the stream's recorded head (undefined: no head found). */
  finish(head: StreamHead | undefined): BrokenLink | undefined {
    const seen = this.nextVersion - 1;
    const at = { streamId: this.streamId, globalPosition: null };
    if (!head) return { ...at, streamVersion: seen, problem: 'head_mismatch' };
    if (head.version > seen) return { ...at, streamVersion: seen + 1, problem: 'missing_events' };
    if (head.version !== seen || head.lastHash !== this.prevHash) {
      return { ...at, streamVersion: seen, problem: 'head_mismatch' };
    }
    return undefined;
  }
}

export function verifyChain(links: readonly ChainLink[], head?: StreamHead): BrokenLink | undefined {
  const walker = new ChainWalker(links[0]?.streamId ?? head?.streamId ?? '');
  for (const e of links) {
    const broken = walker.step(e);
    if (broken) return broken;
  }
  return head ? walker.finish(head) : undefined;
}
