import { describe, expect, it } from 'vitest';
import { bigrams, matchesQuery, normalizeForSearch, queryGrams, searchGrams, searchKeys, searchText, trigrams } from '../../../shared/domain/search';

describe('normalizeForSearch', () => {
  it('folds full-width letters and digits, lower-cases and drops all whitespace', () => {
    expect(normalizeForSearch('ＡＢＣ　电子 有限\t公司１２')).toBe('abc电子有限公司12');
    expect(normalizeForSearch('LED 路灯')).toBe('led路灯');
  });

  it('leaves Chinese punctuation outside the full-width ASCII block alone', () => {
    expect(normalizeForSearch('〔2026〕第7号')).toBe('〔2026〕第7号');
  });
});

describe('bigrams', () => {
  it('yields the distinct character pairs, none for a single character', () => {
    expect(bigrams('用电用电')).toEqual(['用电', '电用']);
    expect(bigrams('电')).toEqual([]);
    expect(bigrams('')).toEqual([]);
  });

  it('treats characters outside the basic plane as one character', () => {
    expect(bigrams('𠮷野家')).toEqual(['𠮷野', '野家']);
  });
});

describe('searchGrams', () => {
  const text = { summary: '厂区路灯不亮', request: '', enterprises: ['椿森电子'], visitorNames: ['辛志鹏'] };

  it('never makes a bigram across two fields', () => {
    const grams = searchGrams(text);
    expect(grams).toContain('路灯');
    expect(grams).toContain('椿森');
    expect(grams).not.toContain('亮椿');
    expect(grams).not.toContain('子辛');
  });

  it('finds a query as a substring of the searchable text, but not across fields', () => {
    const all = searchText(text);
    expect(matchesQuery(all, normalizeForSearch('路灯不亮'))).toBe(true);
    expect(matchesQuery(all, normalizeForSearch('亮椿'))).toBe(false);
    expect(matchesQuery(all, '')).toBe(true);
  });

  it('trigrams are distinct, never span two fields, and come after the bigrams in an issue\'s keys', () => {
    expect(trigrams('用电用电')).toEqual(['用电用', '电用电']);
    expect(trigrams('用电')).toEqual([]);
    const keys = searchKeys({ summary: '贷款难', request: '', enterprises: ['合顺'], visitorNames: [] });
    expect(keys).toEqual(['贷款', '款难', '合顺', '贷款难']);
  });

  it('a query reads its trigrams from three characters on, its bigram below', () => {
    expect(queryGrams('厂房费用')).toEqual(['厂房费', '房费用']);
    expect(queryGrams('武华丽')).toEqual(['武华丽']);
    // Covering trigrams only: every character is in one of them.
    expect(queryGrams('德信机械制造厂')).toEqual(['德信机', '械制造', '制造厂']);
    expect(queryGrams('德信机械制造')).toEqual(['德信机', '械制造']);
    expect(queryGrams('德信机械制')).toEqual(['德信机', '机械制']);
    expect(queryGrams('哈哈哈哈')).toEqual(['哈哈哈']);
    expect(queryGrams('贷款')).toEqual(['贷款']);
    expect(queryGrams('电')).toEqual([]);
  });
});
