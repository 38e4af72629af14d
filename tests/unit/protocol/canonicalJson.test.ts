import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, toHex, utf8ByteLength } from '../../../shared/protocol';
import { sampleList } from './sample';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same string whatever order the keys were inserted in', () => {
    const a = sampleList();
    const issue = a.issues[0]!;
    const reversedIssue = Object.fromEntries(Object.entries(issue).reverse());
    const shuffled = { ...Object.fromEntries(Object.entries(a).reverse()), issues: [reversedIssue] };
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(a)[0]);
    expect(canonicalJson(shuffled)).toBe(canonicalJson(a));
  });

  it('survives a JSON round trip unchanged (what the endpoint hashes is what the station hashed)', () => {
    const list = sampleList();
    const sent = canonicalJson(list);
    expect(canonicalJson(JSON.parse(JSON.stringify(list)))).toBe(sent);
    expect(JSON.parse(sent)).toEqual(list);
  });

  it('keeps Chinese text and escapes as JSON.stringify does', () => {
    expect(canonicalJson({ s: '〔2026〕第7号 "引号"\n' })).toBe('{"s":"〔2026〕第7号 \\"引号\\"\\n"}');
  });

  it('drops undefined members like JSON.stringify and writes null in arrays', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined, 1] })).toBe('{"b":null,"c":[null,1]}');
  });

  it('refuses values without a JSON form instead of silently changing the hash', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(/non-finite/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson({ b: 10n })).toThrow(/bigint/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
  });

  it('matches a fixed test vector, so both sides can check their sha-256 of it', () => {
    const canonical = canonicalJson({ stationName: '联络站', listNumber: { seq: 7, year: 2026 } });
    expect(canonical).toBe('{"listNumber":{"seq":7,"year":2026},"stationName":"联络站"}');
    expect(sha256(canonical)).toBe('ac5761e7d6468c6200a2496f54bb636d5e75c6afa46f1a0a1a30cdf07b86cc16');
  });
});

describe('toHex and utf8ByteLength', () => {
  it('writes lowercase two-digit hex', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
    expect(toHex(new Uint8Array([1, 2]).buffer)).toBe('0102');
  });

  it('counts UTF-8 bytes like Buffer.byteLength, including astral characters and lone surrogates', () => {
    for (const s of ['', 'abc', 'é', '联络站', '𠀀😀', 'a\uD800b', canonicalJson(sampleList())]) {
      expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });
});
