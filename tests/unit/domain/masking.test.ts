import { describe, expect, it } from 'vitest';
import {
  HIDDEN_EMAIL,
  HIDDEN_NUMBER,
  HIDDEN_WECHAT,
  issueRefCode,
  maskForNotice,
  maskName,
  nameScrubber,
  normalizeRefCode,
  scrubContacts,
  scrubNames,
  scrubNumbers,
} from '../../../shared/domain/masking';
import { newId } from '../../../shared/domain/ids';
import { int, landline, mobile, pick, renderDigits, rng, writePhone, type DigitStyle, type Rand } from './phoneShapes';

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
  it.each([
    ['138/0796/1234', HIDDEN_NUMBER],
    ['138_0796_1234', HIDDEN_NUMBER],
    ['138  0796  1234', HIDDEN_NUMBER],
    ['138 - 0796 - 1234', HIDDEN_NUMBER],
    ['138 — 0796 — 1234', HIDDEN_NUMBER],
    ['(0791) 86543210', HIDDEN_NUMBER],
    ['座机（０７９１）８６５４３２１０', `座机${HIDDEN_NUMBER}`],
    ['(+86) 138 0796 1234', HIDDEN_NUMBER],
    ['电话(13807961234)', `电话(${HIDDEN_NUMBER})`],
    ['（2026-03-01）开工', '（2026-03-01）开工'],
    ['电话一三八〇七九六一二三四', `电话${HIDDEN_NUMBER}`],
    ['电话幺三八 零七九六 幺二三四', `电话${HIDDEN_NUMBER}`],
    ['手机壹叁捌零柒玖陆壹贰叁肆', `手机${HIDDEN_NUMBER}`],
    ['138七九六1234', HIDDEN_NUMBER],
    ['＋８６ １３８０７９６１２３４', HIDDEN_NUMBER],
    ['QQ 123456789', `QQ ${HIDDEN_NUMBER}`],
  ])('hides %s written with other separators or numerals', (input, expected) => {
    expect(scrubNumbers(input)).toBe(expected);
  });
  it('keeps dates written with dashes, slashes or dots', () => {
    const text = '2026-03-01 开工,2026/3/15 停工,2026.04.01 复工';
    expect(scrubNumbers(text)).toBe(text);
  });
  it('leaves no 7-digit run behind in mixed text', () => {
    const out = scrubNumbers('甲13807961234乙 0791 8654 3210 丙1234567丁123456');
    expect(out).not.toMatch(/\d{7}/);
    expect(out.endsWith('丁123456')).toBe(true);
  });
});

describe('scrubContacts', () => {
  it.each([
    ['邮箱 zhang.san_88@qq.com 联系', `邮箱 ${HIDDEN_EMAIL} 联系`],
    ['发到 hr@hongda-tech.com.cn。', `发到 ${HIDDEN_EMAIL}。`],
    ['ZHANG @ 163.com', HIDDEN_EMAIL],
    ['全角ｚｈａｎｇ＠ｑｑ．ｃｏｍ', `全角${HIDDEN_EMAIL}`],
  ])('hides the e-mail in %s', (input, expected) => {
    expect(maskForNotice(input, [])).toBe(expected);
  });
  it.each([
    ['微信号:zhangsan_88', `微信号:${HIDDEN_WECHAT}`],
    ['微信 wxid_k3j2h1', `微信 ${HIDDEN_WECHAT}`],
    ['加我微信是Hongda-2026', `加我微信是${HIDDEN_WECHAT}`],
    ['vx: ws_hua', `vx: ${HIDDEN_WECHAT}`],
    ['WeChat ID: oyangnana', `WeChat ID: ${HIDDEN_WECHAT}`],
    ['微信13807961234', `微信${HIDDEN_WECHAT}`],
  ])('hides the WeChat id in %s', (input, expected) => {
    expect(scrubContacts(input)).toBe(expected);
  });
  it('keeps WeChat mentioned without an id', () => {
    const text = '已在微信群里通知,微信号是多少请问园区;box 和 wxyz 不是标签';
    expect(scrubContacts(text)).toBe(text);
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

describe('names of other receptions', () => {
  it('masks any known visitor name, wherever it appears', () => {
    const scrub = nameScrubber(['伍盛华', '欧阳娜娜', '陈林']);
    expect(maskForNotice('陈林反映:欧阳娜娜的店和伍盛华的厂都缺电', scrub)).toBe('陈*反映:欧阳*的店和伍*的厂都缺电');
  });
  it('masks among every visitor a station has received (50,000 names)', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `访客${i.toString(36)}`);
    const scrub = nameScrubber([...names, '伍盛华']);
    expect(scrub('园区企业负责人伍盛华反映板房费用至今未拨付,请尽快协调解决')).toBe('园区企业负责人伍*反映板房费用至今未拨付,请尽快协调解决');
    expect(scrub(`${names[49_999]!}和${names[0]!}都来过`)).toBe(`访*和访*都来过`);
  });
});

/** Ordinary posted text: categories, amounts, dates, counts, places; no contact, no person. */
function ordinaryText(r: Rand): string {
  const words = [
    '园区', '企业', '反映', '板房费用', '至今未拨付', '用电', '增容', '排队', '消防验收', '产权证', '抵押贷款', '招工难',
    '子女入学', '道路', '停车', '垃圾清运', '已协调', '县住建局', '答复', '办结', '微信群里', '邮箱已满', '电话沟通',
    ',', '。', ';', '、', ' ', '(', ')', '-', '/', 'A区', '第3期',
  ];
  const numbers = [
    () => `${int(r, 1, 999999)}`,
    () => `${int(r, 1, 99)}.${int(r, 0, 9)}万元`,
    () => `${int(r, 2000, 2099)}年${int(r, 1, 12)}月${int(r, 1, 28)}日`,
    () => `${int(r, 2000, 2099)}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`,
    () => `${int(r, 2000, 2099)}/${int(r, 1, 12)}/${int(r, 1, 28)}`,
    () => `${int(r, 1, 23)}:${String(int(r, 0, 59)).padStart(2, '0')}`,
    () => renderDigits(r, `${int(r, 1, 9999)}`, 'fullWidth'),
    () => pick(r, ['三', '五', '十二', '两', '一百二十']) + pick(r, ['天', '家', '人', '栋']),
  ];
  const parts: string[] = [];
  const n = int(r, 1, 14);
  for (let i = 0; i < n; i++) {
    // A word between numbers, so two short numbers never read as one long one.
    parts.push(pick(r, words.filter((w) => /[\u4e00-\u9fff]/.test(w))));
    if (r() < 0.4) parts.push(pick(r, numbers)());
    if (r() < 0.3) parts.push(pick(r, words));
  }
  return parts.join('');
}

describe('masking properties (seeded generators)', () => {
  const styles: DigitStyle[] = ['ascii', 'fullWidth', 'mixedWidth', 'chinese'];

  it('a phone number in any separator, width, prefix or numeral shape never survives', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const r = rng(seed);
      const phone = r() < 0.6 ? mobile(r) : landline(r);
      const written = writePhone(r, phone, pick(r, styles), { parentheses: r() < 0.3 });
      const text = `${ordinaryText(r)}${pick(r, ['联系电话', '电话:', '', ' '])}${written}${pick(r, ['', '。', '(下午)', '请回电'])}${ordinaryText(r)}`;
      const out = maskForNotice(text, []);
      const digitsLeft = out.replace(/\D/g, '');
      const local = phone.stored.replace(/\D/g, '').replace(/^0/, '');
      expect(out, `seed ${seed}: ${text}`).toContain(HIDDEN_NUMBER);
      // None of the number's significant digits may be read back from what is left.
      expect(digitsLeft.includes(local.slice(-7)), `seed ${seed}: ${text} → ${out}`).toBe(false);
      expect(out, `seed ${seed}`).not.toContain(written.trim());
    }
  });

  it('ordinary text without personal data is unchanged', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const text = ordinaryText(rng(seed));
      expect(maskForNotice(text, ['伍盛华', '欧阳娜娜']), `seed ${seed}`).toBe(text);
    }
  });

  it('e-mails and WeChat ids never survive, and the text around them stays', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const r = rng(seed);
      const id = pick(r, ['zhang', 'hr_', 'ws-hua', 'OuYang']) + String(int(r, 1, 999));
      const contact = r() < 0.5 ? `${id}@${pick(r, ['qq.com', '163.com', 'hongda.com.cn'])}` : `${pick(r, ['微信', '微信号:', 'vx ', 'WeChat: '])}${id}`;
      const before = ordinaryText(r);
      const after = ordinaryText(r);
      // Written after a comma, as in a sentence: a Latin word glued to an address reads as part of it.
      const out = maskForNotice(`${before},${contact}。${after}`, []);
      expect(out, `seed ${seed}`).not.toContain(id);
      expect(out.startsWith(`${before},`) && out.endsWith(`。${after}`), `seed ${seed}: ${out}`).toBe(true);
    }
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
