import { describe, expect, it } from 'vitest';
import { normalizePhone, PHONE_MESSAGES } from '../../../shared/domain/phone';
import { PHONE_PATTERN, visitorSchema } from '../../../shared/domain/schemas';
import { int, landline, mobile, pick, rng, writePhone, type DigitStyle } from './phoneShapes';

const ok = (value: string) => ({ ok: true, value });
const error = (message: string) => ({ ok: false, error: message });

describe('normalizePhone', () => {
  it.each([
    ['13807961234', '13807961234'],
    ['138 0796 1234', '13807961234'],
    ['138  0796  1234', '13807961234'],
    ['138-0796-1234', '13807961234'],
    ['138 - 0796 - 1234', '13807961234'],
    ['138/0796/1234', '13807961234'],
    ['138.0796.1234', '13807961234'],
    ['138_0796_1234', '13807961234'],
    ['１３８０７９６１２３４', '13807961234'],
    ['１３８　０７９６　１２３４', '13807961234'],
    ['+86 138 0796 1234', '13807961234'],
    ['＋８６－１３８０７９６１２３４', '13807961234'],
    ['(+86) 13807961234', '13807961234'],
    ['0086 13807961234', '13807961234'],
    ['8613807961234', '13807961234'],
    ['0791-86543210', '0791-86543210'],
    ['079186543210', '0791-86543210'],
    ['(0791) 8654 3210', '0791-86543210'],
    ['（０７９１）８６５４３２１０', '0791-86543210'],
    ['010-62345678', '010-62345678'],
    ['+86 791 8654 3210', '0791-86543210'],
    ['+86 10 6234 5678', '010-62345678'],
    ['0791-86543210-123', '0791-86543210-123'],
    ['0791-86543210转123', '0791-86543210-123'],
    ['0791 8654 3210 分机 8', '0791-86543210-8'],
    ['', ''],
    ['   ', ''],
  ])('reads %j as %j', (input, stored) => {
    expect(normalizePhone(input)).toEqual(ok(stored));
  });

  it.each([
    ['138O7961234', PHONE_MESSAGES.badCharacters],
    ['一三八〇七九六一二三四', PHONE_MESSAGES.badCharacters],
    ['138-0796-123', PHONE_MESSAGES.wrongLength],
    ['1380796123456', PHONE_MESSAGES.wrongLength],
    ['86543210', PHONE_MESSAGES.noAreaCode],
    ['+1 415 555 2671', PHONE_MESSAGES.foreign],
    ['13807961234转8', PHONE_MESSAGES.wrongLength],
    ['12345', PHONE_MESSAGES.wrongLength],
    ['138+07961234', PHONE_MESSAGES.badCharacters],
  ])('refuses %j with a message saying what to type', (input, message) => {
    expect(normalizePhone(input)).toEqual(error(message));
  });

  it('property: every generated number, in every separator, width and prefix shape, is stored normalised', () => {
    const styles: DigitStyle[] = ['ascii', 'fullWidth', 'mixedWidth'];
    for (let seed = 1; seed <= 3000; seed++) {
      const r = rng(seed);
      const phone = r() < 0.5 ? mobile(r) : landline(r);
      const typed = writePhone(r, phone, pick(r, styles), { parentheses: r() < 0.3 });
      const result = normalizePhone(typed);
      expect(result, `seed ${seed}: ${JSON.stringify(typed)}`).toEqual(ok(phone.stored));
      expect(PHONE_PATTERN.test(phone.stored)).toBe(true);
    }
  });

  it('property: normalising is idempotent and what it accepts fits the stored pattern', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed);
      // Arbitrary strings over the characters a phone field sees.
      const alphabet = [...'0123456789０１２３ +-/.()_转x分机'];
      const typed = Array.from({ length: int(r, 0, 18) }, () => pick(r, alphabet)).join('');
      const first = normalizePhone(typed);
      if (!first.ok) {
        expect(first.error.length, typed).toBeGreaterThan(0);
        continue;
      }
      expect(first.value === '' || PHONE_PATTERN.test(first.value), `${typed} → ${first.value}`).toBe(true);
      expect(normalizePhone(first.value), typed).toEqual(first);
    }
  });
});

describe('visitorSchema phone', () => {
  it('stores the normalised number and reports the Chinese message on the phone path', () => {
    const visitor = { name: '伍盛华', enterprise: '', position: '' };
    expect(visitorSchema.parse({ ...visitor, phone: '＋86 138-0796-1234' }).phone).toBe('13807961234');
    const bad = visitorSchema.safeParse({ ...visitor, phone: '138-0796' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phone', PHONE_MESSAGES.wrongLength]]);
  });
});
