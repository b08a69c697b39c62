import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '@lse/audit-domain';
import type { IntegrityCheckpointRecorded } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { SigningKey } from './signing-key';

export const CHECKPOINT_EXPORT_FORMAT = 'lse-integrity-checkpoint/1';

export interface SignedCheckpoint {
  payload: IntegrityCheckpointRecorded & {
    format: typeof CHECKPOINT_EXPORT_FORMAT;
    eventId: string;
    checkpointNumber: number;
    /** The checkpoint event's own chain hash: the export also pins the integrity stream. */
    eventHash: string;
  };
  signature: { algorithm: 'Ed25519'; keyId: string; publicKeyPem: string; value: string };
}

/**
 * A small file to keep outside the system (with the inspector general, in a notary's hands...):
 * the checkpoint and an Ed25519 signature over its canonical JSON. Whoever holds it can later
 * prove what the store contained, even if the store's own checkpoints were removed.
 */
export function exportCheckpoint(event: RecordedEvent, key: SigningKey): SignedCheckpoint {
  const payload = {
    format: CHECKPOINT_EXPORT_FORMAT,
    ...(event.data as IntegrityCheckpointRecorded),
    eventId: event.eventId,
    checkpointNumber: event.streamVersion,
    eventHash: event.hash,
  } as const;
  const value = sign(null, Buffer.from(canonicalJson(payload), 'utf8'), key.privateKey).toString('base64');
  return {
    payload,
    signature: {
      algorithm: 'Ed25519',
      keyId: key.keyId,
      publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      value,
    },
  };
}

/** Checks the signature, against a trusted public key when given (else the one in the file). */
export function verifySignedCheckpoint(file: SignedCheckpoint, trusted?: KeyObject): boolean {
  try {
    const key = trusted ?? createPublicKey(file.signature.publicKeyPem);
    return verify(
      null,
      Buffer.from(canonicalJson(file.payload), 'utf8'),
      key,
      Buffer.from(file.signature.value, 'base64'),
    );
  } catch {
    return false;
  }
}
