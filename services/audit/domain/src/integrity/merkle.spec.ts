import { firstHeadDifference, merkleProof, merkleRoot, verifyMerkleProof, type StreamHeadLeaf } from '..';

const leaves: StreamHeadLeaf[] = Array.from({ length: 7 }, (_, i) => ({
  streamId: `complaint-${i}`,
  version: i + 1,
  hash: String(i).repeat(64).slice(0, 64),
}));

describe('Merkle root over stream heads', () => {
  it('does not depend on the order heads are listed in, and changes with any head', () => {
    expect(merkleRoot([...leaves].reverse())).toBe(merkleRoot(leaves));
    expect(merkleRoot(leaves.map((l, i) => (i === 3 ? { ...l, version: 3 } : l)))).not.toBe(
      merkleRoot(leaves),
    );
    expect(merkleRoot(leaves.slice(1))).not.toBe(merkleRoot(leaves));
  });
  it('proves one stream head against the root', () => {
    const root = merkleRoot(leaves);
    for (const leaf of leaves)
      expect(verifyMerkleProof(leaf, merkleProof(leaves, leaf.streamId)!, root)).toBe(true);
    expect(
      verifyMerkleProof({ ...leaves[2], version: 9 }, merkleProof(leaves, leaves[2].streamId)!, root),
    ).toBe(false);
  });
  it('names the first stream that lost events or changed', () => {
    expect(firstHeadDifference(leaves, leaves)).toBeUndefined();
    expect(
      firstHeadDifference(
        leaves,
        leaves.map((l, i) => (i === 4 ? { ...l, version: 2 } : l)),
      ),
    ).toEqual({ streamId: 'complaint-4', streamVersion: 3, problem: 'missing_events' });
    expect(
      firstHeadDifference(
        leaves,
        leaves.filter((_, i) => i !== 5),
      ),
    ).toEqual({ streamId: 'complaint-5', streamVersion: 1, problem: 'missing_events' });
    expect(
      firstHeadDifference(
        leaves,
        leaves.map((l, i) => (i === 1 ? { ...l, hash: 'f'.repeat(64) } : l)),
      ),
    ).toEqual({ streamId: 'complaint-1', streamVersion: 2, problem: 'head_mismatch' });
  });
});
