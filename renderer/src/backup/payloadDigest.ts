/**
 * The checksum a manifest names for the uncompressed export (`payload.sha256`), by manifest
 * format. Format 1: SHA-256 of the whole export, streamed through a pure-JavaScript hash
 * (WebCrypto cannot hash a stream) — 20–70 MB/s on the build machine, a fifth to a third of
 * a backup's time. Format 2 (written from now on): SHA-256 of the concatenated SHA-256s of
 * the export's consecutive 1 MiB pieces (the last shorter), each piece hashed by WebCrypto,
 * natively and off the main thread (format 3 computes the same, see manifest.ts). Same strength against a changed or reordered byte;
 * readers keep both, so older files still restore.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { PieceCutter } from './pieces';
import { asBuffer, release } from './release';

export type ManifestFormat = 1 | 2 | 3;
/** The manifest format this build writes (3: the checksum of format 2, carried in the trailer). */
export const MANIFEST_FORMAT: ManifestFormat = 3;
export const PIECE_BYTES = 1024 * 1024;
/** Pieces hashed at once: bounds the memory (a piece each) while WebCrypto works. */
const IN_FLIGHT = 4;

export interface PayloadDigest {
  /** Takes a copy of what it needs: the chunk may be released once this settles. */
  update(chunk: Uint8Array): Promise<void>;
  finish(): Promise<{ bytes: number; sha256: string }>;
}

function wholeDigest(): PayloadDigest {
  const hash = sha256.create();
  let bytes = 0;
  return {
    update: async (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    },
    finish: async () => ({ bytes, sha256: bytesToHex(hash.digest()) }),
  };
}

function pieceDigest(): PayloadDigest {
  const digests: Promise<Uint8Array>[] = [];
  let inFlight: Promise<unknown>[] = [];
  let bytes = 0;
  // Each piece is this digest's own (PieceCutter hands over a fresh one), released once hashed.
  const seal = async (piece: Uint8Array) => {
    const digest = crypto.subtle.digest('SHA-256', asBuffer(piece)).then((d) => {
      release(piece);
      return new Uint8Array(d);
    });
    digests.push(digest);
    inFlight.push(digest);
    if (inFlight.length >= IN_FLIGHT) {
      await inFlight[0];
      inFlight = inFlight.slice(1);
    }
  };
  const pieces = new PieceCutter(PIECE_BYTES, seal);
  return {
    update: async (chunk) => {
      bytes += chunk.length;
      await pieces.push(chunk);
    },
    finish: async () => {
      const last = pieces.finish();
      if (last.length > 0) await seal(last);
      const all = await Promise.all(digests);
      const joined = new Uint8Array(all.length * 32);
      all.forEach((d, i) => joined.set(d, i * 32));
      return { bytes, sha256: bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', joined))) };
    },
  };
}

export function payloadDigest(format: ManifestFormat): PayloadDigest {
  return format === 1 ? wholeDigest() : pieceDigest();
}
