/**
 * The backup file container: a short plaintext header naming the key derivation, then
 * authenticated frames (AES-256-GCM). Frame 0 is the manifest; the data frames after it
 * carry the gzip-compressed database export in order; the last frame is flagged final.
 * In container version 2 (written now) the final frame is the trailer, the export's length
 * and checksum, which a streaming writer knows only at the end; in version 1 the manifest
 * carried them and the last data frame was the final one.
 * Each frame's additional data binds the header, the frame's index and the final flag, so
 * a frame cannot be swapped, reordered, replayed from another file or cut off unseen.
 * File layout and parameters: docs/backup.md. No UI code, no Dexie.
 */
import { z } from 'zod';
import { asBuffer, release } from './release';

export const MAGIC = new TextEncoder().encode('SDBACKUP');
/** The container version this build writes. */
export const CONTAINER_VERSION = 2;
/** Versions this build reads: 1 (manifest with checksum, dexie-export-import payload), 2 (trailer, exportLines.ts payload). */
export type ContainerVersion = 1 | 2;
/** Plaintext bytes per data frame: bounds the memory one frame needs on either side. */
export const FRAME_BYTES = 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 4096;
export const MAX_FRAME_CIPHER_BYTES = FRAME_BYTES + TAG_BYTES;

/** scrypt cost: 2^17 × 8 × 128 bytes = 128 MiB of memory per derivation (OWASP's minimum). */
export const KDF_DEFAULTS = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(200);

export const kdfSchema = z.strictObject({
  name: z.literal('scrypt'),
  // Bounded so a crafted file cannot make the app allocate gigabytes before the password is checked.
  N: z.number().int().refine((n) => n >= 2 ** 14 && n <= 2 ** 20 && (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(16),
  p: z.number().int().min(1).max(4),
  salt: b64,
});
export type KdfParams = z.infer<typeof kdfSchema>;

export const headerSchema = z.strictObject({
  cipher: z.literal('AES-256-GCM'),
  kdf: kdfSchema,
  /** First 16 bytes of SHA-256('station-desk backup key check' ‖ key), base64: tells a wrong password from a damaged file. */
  keyCheck: b64,
});
export type BackupHeader = z.infer<typeof headerSchema>;

export type BackupProblem = 'notBackup' | 'unsupportedVersion' | 'wrongPassword' | 'corrupt' | 'truncated' | 'mismatch';

/** A refused backup file; `problem` picks the Chinese message shown (features/backup/strings.ts). */
export class BackupFormatError extends Error {
  constructor(
    readonly problem: BackupProblem,
    detail: string,
  ) {
    super(`Backup refused (${problem}): ${detail}`);
    this.name = 'BackupFormatError';
  }
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const buf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

/** Magic, container version, header length (u32 BE), header JSON. */
export function encodeHeader(header: BackupHeader, version: ContainerVersion = CONTAINER_VERSION): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(MAGIC.length + 1 + 4 + json.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = version;
  new DataView(out.buffer).setUint32(MAGIC.length + 1, json.length);
  out.set(json, MAGIC.length + 5);
  return out;
}

/** How many bytes to read to know the header's length. */
export const HEADER_PREFIX_BYTES = MAGIC.length + 5;

/** Parses the start of a file; returns the header and where the frames begin. */
export function decodeHeader(
  prefix: Uint8Array,
  readRest: (length: number) => Uint8Array | null,
): { header: BackupHeader; headerBytes: Uint8Array; version: ContainerVersion } {
  if (prefix.length < HEADER_PREFIX_BYTES || MAGIC.some((b, i) => prefix[i] !== b)) throw new BackupFormatError('notBackup', 'magic');
  const version = prefix[MAGIC.length];
  if (version !== 1 && version !== 2) throw new BackupFormatError('unsupportedVersion', `container ${version}`);
  const length = new DataView(prefix.buffer, prefix.byteOffset).getUint32(MAGIC.length + 1);
  if (length === 0 || length > MAX_HEADER_BYTES) throw new BackupFormatError('corrupt', 'header length');
  const json = readRest(length);
  if (!json || json.length < length) throw new BackupFormatError('truncated', 'header');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new BackupFormatError('corrupt', 'header json');
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw new BackupFormatError('corrupt', 'header fields');
  const headerBytes = new Uint8Array(HEADER_PREFIX_BYTES + length);
  headerBytes.set(prefix.subarray(0, HEADER_PREFIX_BYTES), 0);
  headerBytes.set(json.subarray(0, length), HEADER_PREFIX_BYTES);
  return { header: parsed.data, headerBytes, version };
}

export async function keyCheckOf(rawKey: Uint8Array): Promise<string> {
  const label = new TextEncoder().encode('station-desk backup key check');
  const joined = new Uint8Array(label.length + rawKey.length);
  joined.set(label, 0);
  joined.set(rawKey, label.length);
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', buf(joined))).subarray(0, 16));
}

/** Binds a frame to its file (header digest), its place and whether it is the last. */
function additionalData(headerDigest: Uint8Array, index: number, final: boolean): ArrayBuffer {
  const aad = new Uint8Array(headerDigest.length + 5);
  aad.set(headerDigest, 0);
  new DataView(aad.buffer).setUint32(headerDigest.length, index);
  aad[headerDigest.length + 4] = final ? 1 : 0;
  return aad.buffer;
}

export async function headerDigestOf(headerBytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buf(headerBytes)));
}

/**
 * Frame on disk: ciphertext length (u32 BE, tag included), 12-byte random IV, ciphertext.
 * `plain` is read, not kept; the returned frame is the caller's to release.
 */
export async function sealFrame(key: CryptoKey, headerDigest: Uint8Array, index: number, final: boolean, plain: Uint8Array): Promise<Uint8Array> {
  if (plain.length > FRAME_BYTES) throw new Error('frame too large');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(headerDigest, index, final) }, key, asBuffer(plain)),
  );
  const out = new Uint8Array(4 + IV_BYTES + cipher.length);
  new DataView(out.buffer).setUint32(0, cipher.length);
  out.set(iv, 4);
  out.set(cipher, 4 + IV_BYTES);
  release(cipher);
  return out;
}

export const FRAME_PREFIX_BYTES = 4 + IV_BYTES;

/** Length of the ciphertext that follows a frame prefix; refuses impossible lengths. */
export function frameCipherLength(prefix: Uint8Array): number {
  const length = new DataView(prefix.buffer, prefix.byteOffset).getUint32(0);
  if (length < TAG_BYTES || length > MAX_FRAME_CIPHER_BYTES) throw new BackupFormatError('corrupt', 'frame length');
  return length;
}

/**
 * Opens one frame. The final flag is not stored: the reader tries "not final" and, when
 * the frame is the last bytes of the file, "final" — only the writer's choice authenticates.
 */
export async function openFrame(key: CryptoKey, headerDigest: Uint8Array, index: number, final: boolean, prefix: Uint8Array, cipher: Uint8Array): Promise<Uint8Array | null> {
  const iv = prefix.slice(4, 4 + IV_BYTES);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(headerDigest, index, final) }, key, asBuffer(cipher)));
  } catch {
    return null;
  }
}
