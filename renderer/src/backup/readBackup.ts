/**
 * Reads a backup file from any byte source (a File in the browser, main's open file on
 * the desktop): checks the header, tells a wrong password from a damaged file, shows the
 * manifest, then decrypts and decompresses the export frame by frame, checking every
 * frame's tag, the final frame, the length and the SHA-256 the file names (in the trailer
 * for container version 2, in the manifest for version 1).
 */
import {
  BackupFormatError,
  FRAME_PREFIX_BYTES,
  HEADER_PREFIX_BYTES,
  decodeHeader,
  frameCipherLength,
  headerDigestOf,
  openFrame,
  type BackupHeader,
  type ContainerVersion,
} from './format';
import { LineSplitter } from './exportLines';
import { aesKeyOf, deriveBackupKey, type BackupKey } from './keys';
import { manifestSchema, trailerSchema, type BackupManifest, type PayloadSummary } from './manifest';
import { payloadDigest } from './payloadDigest';
import { PieceCutter } from './pieces';
import { codecTakesChunkOnWrite, release } from './release';

/** Size of the parts the restored export's Blob is made of. */
const FOLD_BYTES = 8 * 1024 * 1024;

export interface ByteSource {
  size: number;
  /** Fresh bytes each call: the reader releases them once used (release.ts). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface OpenedBackup {
  source: ByteSource;
  /** 2: streamed export with a trailer (readBackupLines); 1: older files (readBackupData). */
  version: ContainerVersion;
  header: BackupHeader;
  headerDigest: Uint8Array;
  framesStart: number;
}

export interface UnlockedBackup extends OpenedBackup {
  key: CryptoKey;
  /** The derived key, kept after a restore so automatic backups go on with the same password. */
  backupKey: BackupKey;
  manifest: BackupManifest;
  /** Where the first data frame starts. */
  dataStart: number;
}

export async function openBackup(source: ByteSource): Promise<OpenedBackup> {
  const prefix = await source.read(0, HEADER_PREFIX_BYTES);
  const rest = prefix.length === HEADER_PREFIX_BYTES ? await source.read(HEADER_PREFIX_BYTES, Math.min(4096, Math.max(0, source.size - HEADER_PREFIX_BYTES))) : null;
  const { header, headerBytes, version } = decodeHeader(prefix, (length) => (rest && rest.length >= length ? rest.subarray(0, length) : rest));
  return { source, version, header, headerDigest: await headerDigestOf(headerBytes), framesStart: headerBytes.length };
}

interface Frame {
  plain: Uint8Array;
  next: number;
  final: boolean;
}

async function readFrame(backup: OpenedBackup, key: CryptoKey, index: number, offset: number): Promise<Frame> {
  const { source } = backup;
  if (offset + FRAME_PREFIX_BYTES > source.size) throw new BackupFormatError('truncated', `frame ${index} missing`);
  const prefix = await source.read(offset, FRAME_PREFIX_BYTES);
  const length = frameCipherLength(prefix);
  const end = offset + FRAME_PREFIX_BYTES + length;
  if (end > source.size) throw new BackupFormatError('truncated', `frame ${index} cut short`);
  const cipher = await source.read(offset + FRAME_PREFIX_BYTES, length);
  const atEnd = end === source.size;
  try {
    const plain = await openFrame(key, backup.headerDigest, index, atEnd, prefix, cipher);
    if (plain) return { plain, next: end, final: atEnd };
    // A frame that authenticates as "not final" but ends the file: the frames after it are gone.
    if (atEnd && (await openFrame(key, backup.headerDigest, index, false, prefix, cipher))) throw new BackupFormatError('truncated', `file ends after frame ${index}`);
    throw new BackupFormatError('corrupt', `frame ${index} does not authenticate`);
  } finally {
    release(cipher);
  }
}

export async function unlockBackup(backup: OpenedBackup, password: string): Promise<UnlockedBackup> {
  return unlockWithKey(backup, await deriveBackupKey(password, backup.header.kdf));
}

/** As unlockBackup, with a key already derived (the station's own key, or tests). */
export async function unlockWithKey(backup: OpenedBackup, derived: BackupKey): Promise<UnlockedBackup> {
  if (derived.keyCheck !== backup.header.keyCheck) throw new BackupFormatError('wrongPassword', 'key check differs');
  const key = await aesKeyOf(derived);
  const frame = await readFrame(backup, key, 0, backup.framesStart);
  if (frame.final) throw new BackupFormatError('truncated', 'no data after the manifest');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.plain));
  } catch {
    throw new BackupFormatError('corrupt', 'manifest json');
  }
  const manifest = manifestSchema.safeParse(value);
  if (!manifest.success) throw new BackupFormatError('corrupt', 'manifest fields');
  if ((backup.version === 2) !== (manifest.data.format === 3)) throw new BackupFormatError('corrupt', 'manifest format does not match the container');
  return { ...backup, key, backupKey: derived, manifest: manifest.data, dataStart: frame.next };
}

/**
 * The export as a Blob, built from decompressed pieces; throws BackupFormatError on any
 * mismatch. Memory: a frame on its way in, one 8 MiB buffer of decompressed bytes on its
 * way into the Blob (which the browser keeps outside the JavaScript heap, on disk when
 * large); every buffer is released as soon as it has been used (release.ts).
 */
export async function readBackupData(backup: UnlockedBackup, onProgress?: (read: number, total: number) => void): Promise<Blob> {
  const expected = backup.manifest.payload;
  if (backup.version !== 1 || !expected) throw new Error('Only container version 1 holds a dexie-export-import payload; use readBackupLines');
  const inflate = new DecompressionStream('gzip');
  const writer = (inflate.writable as WritableStream<Uint8Array>).getWriter();
  const digest = payloadDigest(backup.manifest.format);
  // Decompressed pieces (tens of kilobytes each) are copied into one 8 MiB buffer, which
  // is appended to the Blob whenever it fills: the export is never one big string or
  // array, and the Blob that importDB reads back is made of 8 MiB parts rather than
  // thousands of small ones. A Blob copies its parts, so the buffer is reused.
  let assembled = new Blob([]);
  const fold = (part: Uint8Array) => {
    assembled = new Blob([assembled, part as BlobPart], { type: 'application/json' });
  };
  const parts = new PieceCutter(FOLD_BYTES, fold, true);
  let bytes = 0;
  const collecting = (async () => {
    const reader = (inflate.readable as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      await digest.update(value);
      bytes += value.length;
      await parts.push(value);
      release(value);
    }
  })();
  collecting.catch(() => undefined);
  let offset = backup.dataStart;
  let index = 1;
  try {
    for (;;) {
      const frame = await readFrame(backup, backup.key, index++, offset);
      // Where the write settles once the decompressor has taken the frame, it can go then.
      await writer.write(frame.plain);
      if (codecTakesChunkOnWrite) release(frame.plain);
      offset = frame.next;
      onProgress?.(offset, backup.source.size);
      if (frame.final) break;
    }
    await writer.close();
    await collecting;
  } catch (error) {
    await writer.abort().catch(() => undefined);
    if (error instanceof BackupFormatError) throw error;
    throw new BackupFormatError('corrupt', 'compressed data');
  }
  const { sha256 } = await digest.finish();
  if (bytes !== expected.bytes || sha256 !== expected.sha256) {
    throw new BackupFormatError('mismatch', 'length or checksum differs from the manifest');
  }
  fold(parts.finish());
  return assembled;
}

function parseTrailer(plain: Uint8Array): PayloadSummary {
  try {
    const parsed = trailerSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)));
    if (parsed.success) return parsed.data.payload;
  } catch {
    // Reported below.
  }
  throw new BackupFormatError('corrupt', 'trailer');
}

/**
 * Container version 2: hands the export to `onLine` one line at a time (exportLines.ts),
 * in order, waiting for each before reading on, then checks the export's length and
 * checksum against the trailer. Memory: a frame on its way in, the decompressor's output
 * and one line, whatever the size of the backup. The lines are authenticated frame by
 * frame as they arrive, but the checksum is known only at the end: a caller that stores
 * lines as they come undoes that work when this throws. An error `onLine` throws stops the
 * reading and is rethrown as it is.
 */
export async function readBackupLines(
  backup: UnlockedBackup,
  onLine: (line: string) => Promise<void>,
  onProgress?: (read: number, total: number) => void,
): Promise<PayloadSummary> {
  if (backup.version !== 2) throw new Error('Container version 1 holds a dexie-export-import payload; use readBackupData');
  const inflate = new DecompressionStream('gzip');
  const writer = (inflate.writable as WritableStream<Uint8Array>).getWriter();
  const digest = payloadDigest(backup.manifest.format);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new BackupFormatError('corrupt', 'export is not UTF-8');
    }
  };
  const lines = new LineSplitter();
  const collecting = (async () => {
    const reader = (inflate.readable as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw error instanceof BackupFormatError ? error : new BackupFormatError('corrupt', 'compressed data');
        }
        if (chunk.done) break;
        await digest.update(chunk.value);
        const text = decode(chunk.value);
        release(chunk.value);
        for (const line of lines.push(text)) await onLine(line);
      }
      if (decode() !== '' || lines.rest() !== '') throw new BackupFormatError('corrupt', 'export does not end with a whole line');
    } catch (error) {
      // Stops the decompressor, so the frame loop's waiting write fails with this error.
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
  })();
  collecting.catch(() => undefined);
  let offset = backup.dataStart;
  let index = 1;
  let trailer: PayloadSummary;
  try {
    for (;;) {
      const frame = await readFrame(backup, backup.key, index++, offset);
      offset = frame.next;
      onProgress?.(offset, backup.source.size);
      if (frame.final) {
        trailer = parseTrailer(frame.plain);
        break;
      }
      await writer.write(frame.plain);
      if (codecTakesChunkOnWrite) release(frame.plain);
    }
    await writer.close();
    await collecting;
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    const collected = await collecting.then(
      () => null,
      (e: unknown) => e,
    );
    if (error instanceof BackupFormatError) throw error;
    if (collected instanceof Error) throw collected;
    throw new BackupFormatError('corrupt', 'compressed data');
  }
  const summary = await digest.finish();
  if (summary.bytes !== trailer.bytes || summary.sha256 !== trailer.sha256) throw new BackupFormatError('mismatch', 'length or checksum differs from the trailer');
  return summary;
}

/** A File or Blob as a byte source (browser flavour, tests). */
export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}
