import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEV_ISSUER = 'https://lse.example/dev-issuer';
export const DEV_AUDIENCE = 'lse-api';
export const DEV_ALGORITHM = 'EdDSA';

export interface DevKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** `<repo>/var/dev-keys` (gitignored), found from this file so any working directory works. */
export const defaultDevKeysDir = () => resolve(__dirname, '../../../../var/dev-keys');

const FILE = 'dev-issuer-ed25519.json';

/**
 * The development issuer's Ed25519 key pair, created on first use. Both halves live in one file
 * that appears atomically (hard link of a finished temp file), so parallel first uses agree.
 */
export function loadOrCreateDevKey(dir = defaultDevKeysDir()): DevKey {
  const file = join(dir, FILE);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify({ privateKeyPem: pem }), { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(temp);
    }
  }
  const { privateKeyPem } = JSON.parse(readFileSync(file, 'utf8')) as { privateKeyPem: string };
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { kid: 'dev-' + createHash('sha256').update(der).digest('hex').slice(0, 16), privateKey, publicKey };
}
