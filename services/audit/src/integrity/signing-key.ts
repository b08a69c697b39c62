import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Where it came from: the configured file or the development key. */
  source: string;
}

/** `<repo>/var/audit-keys` (gitignored), found from this file so any working directory works. */
export const defaultAuditKeysDir = () => resolve(__dirname, '../../../../var/audit-keys');
const DEV_FILE = 'dev-checkpoint-signing-ed25519.pem';

export class SigningKeyError extends Error {}

function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return 'ed25519-' + createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/**
 * The Ed25519 key that signs exported checkpoints: `AUDIT_SIGNING_KEY_FILE` (PKCS#8 PEM) in
 * production; otherwise a development key created on first use under var/audit-keys (both halves
 * in one file that appears atomically, so parallel first uses agree).
 */
export function loadSigningKey(file?: string, devDir = defaultAuditKeysDir()): SigningKey {
  if (file) {
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new SigningKeyError(
        `AUDIT_SIGNING_KEY_FILE ${file}: not a readable PEM private key (${(err as Error).message})`,
      );
    }
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new SigningKeyError(`AUDIT_SIGNING_KEY_FILE ${file}: not an Ed25519 key`);
    const publicKey = createPublicKey(privateKey);
    return { keyId: keyIdOf(publicKey), privateKey, publicKey, source: file };
  }
  const path = join(devDir, DEV_FILE);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
    try {
      linkSync(temp, path);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(temp);
    }
  }
  const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey, source: `development key ${path}` };
}
