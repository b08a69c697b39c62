import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Wraps and unwraps subject data keys (docs/architecture.md#crypto-shredding). `FileMasterKey`
 * is the one here; production can plug a KMS (wrap = Encrypt, unwrap = Decrypt) without
 * touching the keyring. `context` (the key's id) is bound to the wrapped bytes, so a wrapped key
 * copied onto another keyring row does not unwrap.
 */
export interface KeyWrapping {
  wrap(dataKey: Buffer, context: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, context: string): Promise<Buffer>;
}

/** The master key cannot be used: missing, too short, or not the key the keyring was wrapped with. */
export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAP_VERSION = 1;

/** AES-256-GCM key wrap with a 32-byte key read from a file (32 random bytes, base64). */
export class FileMasterKey implements KeyWrapping {
  private constructor(private readonly key: Buffer) {}

  /** Refuses with a message that says what to do when the file is missing or not a 32-byte key. */
  static load(path: string): FileMasterKey {
    if (!existsSync(path))
      throw new MasterKeyError(
        `the master key file ${path} (LSE_MASTER_KEY_FILE) does not exist: create one with ` +
          `\`head -c 32 /dev/urandom | base64 > ${path}; chmod 600 ${path}\``,
      );
    return FileMasterKey.fromBase64(readFileSync(path, 'utf8'), path);
  }

  static fromBase64(text: string, where = 'the master key'): FileMasterKey {
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length !== KEY_BYTES)
      throw new MasterKeyError(
        `${where} must hold ${KEY_BYTES} random bytes in base64; it holds ${key.length} bytes`,
      );
    return new FileMasterKey(key);
  }

  wrap(dataKey: Buffer, context: string): Promise<Buffer> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Promise.resolve(Buffer.concat([Buffer.from([WRAP_VERSION]), iv, body, cipher.getAuthTag()]));
  }

  unwrap(wrapped: Buffer, context: string): Promise<Buffer> {
    if (wrapped.length < 1 + IV_BYTES + TAG_BYTES || wrapped[0] !== WRAP_VERSION)
      return Promise.reject(new MasterKeyError(`the wrapped key ${context} is not in a known format`));
    const iv = wrapped.subarray(1, 1 + IV_BYTES);
    const tag = wrapped.subarray(wrapped.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      const body = wrapped.subarray(1 + IV_BYTES, wrapped.length - TAG_BYTES);
      return Promise.resolve(Buffer.concat([decipher.update(body), decipher.final()]));
    } catch {
      return Promise.reject(
        new MasterKeyError(
          `the wrapped key ${context} does not open with this master key: LSE_MASTER_KEY_FILE is not the key this keyring was written with`,
        ),
      );
    }
  }
}

/** Where a development machine keeps its master key: var/keys/master.key of the repository (gitignored). */
export const DEV_MASTER_KEY_FILE = resolve(__dirname, '../../..', 'var/keys/master.key');

/**
 * Creates a development master key file if there is none (mode 0600). Atomic: the key is written
 * to a file of its own and hard-linked into place, so processes starting together agree on one key.
 */
export function ensureDevMasterKeyFile(path = DEV_MASTER_KEY_FILE): string {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temporary);
  }
  return path;
}

/**
 * The master key of this process: `LSE_MASTER_KEY_FILE`, refused when missing or short. Without
 * it, outside production, the development key file (created when missing); in production
 * (NODE_ENV=production) the variable is required.
 */
export function masterKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): FileMasterKey {
  const configured = env.LSE_MASTER_KEY_FILE?.trim();
  if (configured) return FileMasterKey.load(configured);
  if (env.NODE_ENV === 'production')
    throw new MasterKeyError(
      'LSE_MASTER_KEY_FILE is required in production: the file of the 32-byte master key',
    );
  return FileMasterKey.load(ensureDevMasterKeyFile());
}
