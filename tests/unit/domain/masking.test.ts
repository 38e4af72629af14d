import { describe, expect, it } from 'vitest';
import {
  HIDDEN_NUMBER,
  issueRefCode,
  maskForNotice,
  maskName,
  normalizeRefCode,
  scrubNames,
  scrubNumbers,
} from '../../../shared/domain/masking';
import { newId } from '../../../shared/domain/ids';

describe('maskName', () => {
  it('keeps the surname and hides the length of the given name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张立强')).toBe('张*');
    expect(maskName(' 刘敏 ')).toBe('刘*');
  });
  it('keeps a compound surname whole', () => {
    expect(maskName('欧阳娜娜')).toBe('欧阳*');
    expect(maskName('诸葛亮')).toBe('诸葛*');
    // Two characters only: 欧阳 is then a surname plus a given name.
    expect(maskName('欧阳')).toBe('欧*');
  });
  it('never prints a one-character name and leaves empty input empty', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName('   ')).toBe('');
  });
  it('masks latin names the same way', () => {
    expect(maskName('John Smith')).toBe('J*');
  });
});

describe('scrubNumbers', () => {
  it.each([
    ['联系电话13807961234请回电', `联系电话${HIDDEN_NUMBER}请回电`],
    ['手机 138 0796 1234。', `手机 ${HIDDEN_NUMBER}。`],
    ['138-0796-1234', HIDDEN_NUMBER],
    ['座机0791-86543210转', `座机${HIDDEN_NUMBER}转`],
    ['全角１３８０７９６１２３４', `全角${HIDDEN_NUMBER}`],
    ['+86 13807961234', HIDDEN_NUMBER],
    ['身份证36012319800101123X', `身份证${HIDDEN_NUMBER}X`],
  ])('hides %s', (input, expected) => {
    expect(scrubNumbers(input)).toBe(expected);
  });
  it('keeps short numbers: amounts, dates, counts', () => {
    const text = '9.9万元板房费用,2026年3月1日,拖欠120天,编号A-12';
    expect(scrubNumbers(text)).toBe(text);
  });
  it('leaves no 7-digit run behind in mixed text', () => {
    const out = scrubNumbers('甲13807961234乙 0791 8654 3210 丙1234567丁123456');
    expect(out).not.toMatch(/\d{7}/);
    expect(out.endsWith('丁123456')).toBe(true);
  });
});

describe('scrubNames / maskForNotice', () => {
  it('replaces every occurrence of every visitor name, longest first', () => {
    expect(scrubNames('欧阳娜娜和阳娜说,欧阳娜娜已到', ['阳娜', '欧阳娜娜'])).toBe('欧阳*和阳*说,欧阳*已到');
  });
  it('ignores blank and one-character names', () => {
    expect(scrubNames('张说了', ['张', ''])).toBe('张说了');
  });
  it('combines numbers and names', () => {
    expect(maskForNotice('伍盛华(13807961234)反映板房款未付', ['伍盛华'])).toBe(`伍*(${HIDDEN_NUMBER})反映板房款未付`);
  });
});

describe('issueRefCode', () => {
  it('is six Crockford base32 characters and stable', () => {
    const id = '0195a3b2-7c1d-7e00-8a1b-2c3d4e5f6071';
    const code = issueRefCode(id);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(issueRefCode(id)).toBe(code);
    // Pinned so that a code printed on paper never changes meaning after an update.
    expect(code).toBe('6TDAZ0');
    expect(issueRefCode('x')).toBe('C21HQN');
    expect(issueRefCode('0195a3b2-7c1d-7e00-8a1b-2c3d4e5f6072')).not.toBe(code);
  });
  it('spreads ids made in the same millisecond', () => {
    const now = Date.UTC(2026, 2, 1, 1, 20);
    const codes = new Set(Array.from({ length: 2000 }, () => issueRefCode(newId(now))));
    expect(codes.size).toBeGreaterThanOrEqual(1998);
  });
  it('reads back what a visitor types', () => {
    expect(normalizeRefCode(' k7m-2qx ')).toBe('K7M2QX');
    expect(normalizeRefCode('o1l')).toBe('011');
  });
});
