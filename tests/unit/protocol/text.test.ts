/**
 * The protocol's text rule (shared/protocol/text.ts) and the reception form that applies
 * it: whatever is typed or pasted, what the form hands on is text the county stores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeText, sanitizeJson, sanitizeText, unsafeTextIndex } from '../../../shared/protocol/text';
import { emptyIssue, emptyVisitor, newReceptionValues, toReceptionCandidate } from '../../../renderer/src/features/reception/formModel';

/** Any UTF-16 units, weighted towards the troublesome ones. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\u0000', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\ud800', '\udfff', '😀', '张', '\t', '\n', '\r'),
  ),
  maxLength: 60,
});

const refused = (unit: number) => (unit < 0x20 ? ![0x09, 0x0a, 0x0d].includes(unit) : unit >= 0x7f && unit <= 0x9f);

/** A reference check written differently: well-formed UTF-16 and no refused control. */
function isClean(s: string): boolean {
  try {
    // Throws on an unpaired surrogate: an independent check of well-formed UTF-16.
    encodeURIComponent(s);
  } catch {
    return false;
  }
  return [...s].every((ch) => !refused(ch.codePointAt(0)!));
}

describe('protocol text rule', () => {
  it('finds exactly the texts that are not well-formed or hold a refused control', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(unsafeTextIndex(s) === -1).toBe(isClean(s));
      }),
    );
  });

  it('sanitizes to clean text, keeps clean text as it is, and only removes units', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = sanitizeText(s);
        expect(isClean(out)).toBe(true);
        expect(sanitizeText(out)).toBe(out);
        if (isClean(s)) expect(out).toBe(s);
        // Removal only: the output is a subsequence of the input.
        let i = 0;
        for (const unit of out) i = s.indexOf(unit, i) + unit.length;
        expect(i).toBeGreaterThanOrEqual(out.length);
      }),
    );
  });

  it('keeps TAB, LF, CR and surrogate pairs; removes NUL, DEL, C1 and every unpaired surrogate shape', () => {
    expect(sanitizeText('a\tb\nc\r😀')).toBe('a\tb\nc\r😀');
    expect(sanitizeText('a\u0000b\u007fc\u0085d')).toBe('abcd');
    for (const [bad, kept] of [['\ud800', ''], ['x\udc00', 'x'], ['\ude00\ud83d', ''], ['\ud83d\ud83d\ude00', '😀'], ['😀\ude00', '😀']]) {
      expect(sanitizeText(bad!)).toBe(kept);
    }
  });

  it('reports the path and code point of the first refused text in a JSON value, keys included', () => {
    expect(findUnsafeText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ path: ['a', 1, 'c'], codePoint: 'U+0000' });
    expect(findUnsafeText({ ['k\ud800']: 1 })).toEqual({ path: ['(key)'], codePoint: 'U+D800' });
    expect(findUnsafeText({ a: ['张', 1, null, true] })).toBeNull();
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(findUnsafeText(sanitizeJson(v))).toBeNull();
      }),
    );
  });
});

describe('reception form', () => {
  it('hands on only clean text, whatever was typed or pasted into any field', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 9, maxLength: 9 }), (t) => {
        const values = newReceptionValues(['deputy-1'], new Date('2026-03-01T09:00:00'));
        values.visitors = [{ ...emptyVisitor(), name: t[0]!, phone: t[1]!, enterprise: t[2]!, position: t[3]! }];
        values.issues = [{ ...emptyIssue(), category: t[4]!, summary: t[5]!, request: t[6]!, onSpotAnswer: t[7]!, suggestedDepartment: t[8]!, handling: 'onSpot' }];
        const candidate = toReceptionCandidate(values);
        expect(findUnsafeText(candidate)).toBeNull();
        expect(candidate.visitors[0]!.phone).toBe(sanitizeText(t[1]!));
        expect(candidate.issues[0]!.summary).toBe(sanitizeText(t[5]!));
      }),
    );
  });
});
