import { sha256Hex } from '../canonical';

/** A stream's head at a global position: what a checkpoint commits to. */
export interface StreamHeadLeaf {
  streamId: string;
  version: number;
  hash: string;
}

export const leafHash = (leaf: StreamHeadLeaf) =>
  sha256Hex(`leaf|${leaf.streamId}|${leaf.version}|${leaf.hash}`);
const nodeHash = (left: string, right: string) => sha256Hex(`node|${left}|${right}`);

const byStreamId = (a: StreamHeadLeaf, b: StreamHeadLeaf) =>
  a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0;

/**
 * Merkle root over heads sorted by stream id (leaf and node hashes are domain-separated; an odd
 * node is carried up unchanged). The empty store's root is sha256('').
 */
export function merkleRoot(leaves: readonly StreamHeadLeaf[]): string {
  let level = [...leaves].sort(byStreamId).map(leafHash);
  if (level.length === 0) return sha256Hex('');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

export interface ProofStep {
  hash: string;
  side: 'left' | 'right';
}

/** The sibling hashes that lead from one stream's leaf to the root: proves it without the others. */
export function merkleProof(leaves: readonly StreamHeadLeaf[], streamId: string): ProofStep[] | undefined {
  const sorted = [...leaves].sort(byStreamId);
  let index = sorted.findIndex((l) => l.streamId === streamId);
  if (index < 0) return undefined;
  let level = sorted.map(leafHash);
  const proof: ProofStep[] = [];
  while (level.length > 1) {
    const sibling = index % 2 === 0 ? index + 1 : index - 1;
    if (sibling < level.length)
      proof.push({ hash: level[sibling], side: index % 2 === 0 ? 'right' : 'left' });
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
    level = next;
    index = Math.floor(index / 2);
  }
  return proof;
}

export function verifyMerkleProof(leaf: StreamHeadLeaf, proof: readonly ProofStep[], root: string): boolean {
  let hash = leafHash(leaf);
  for (const step of proof)
    hash = step.side === 'right' ? nodeHash(hash, step.hash) : nodeHash(step.hash, hash);
  return hash === root;
}

export type HeadProblem = 'missing_events' | 'head_mismatch';

export interface HeadDifference {
  streamId: string;
  /** The first version that no longer matches what the checkpoint recorded. */
  streamVersion: number;
  problem: HeadProblem;
}

/**
 * The first stream (by id) whose head at the checkpoint's position differs now from what the
 * checkpoint recorded: fewer events (truncated or deleted) or a different hash (rewritten).
 */
export function firstHeadDifference(
  recorded: readonly StreamHeadLeaf[],
  current: readonly StreamHeadLeaf[],
): HeadDifference | undefined {
  const now = new Map(current.map((l) => [l.streamId, l]));
  for (const leaf of [...recorded].sort(byStreamId)) {
    const found = now.get(leaf.streamId);
    const version = found?.version ?? 0;
    if (version < leaf.version)
      return { streamId: leaf.streamId, streamVersion: version + 1, problem: 'missing_events' };
    if (found!.hash !== leaf.hash)
      return { streamId: leaf.streamId, streamVersion: leaf.version, problem: 'head_mismatch' };
  }
  return undefined;
}
