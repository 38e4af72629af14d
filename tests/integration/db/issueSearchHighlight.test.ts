// The history screen marks matches with the same folding the search uses; this pins that
// mapping back onto the original characters (kept beside the search tests it mirrors).
import { describe, expect, it } from 'vitest';
import { containsQuery, highlightSegments } from '../../../renderer/src/features/history/highlight';
import { normalizeForSearch } from '../../../shared/domain/search';

const marked = (text: string, query: string) =>
  highlightSegments(text, normalizeForSearch(query))
    .filter((s) => s.match)
    .map((s) => s.text);

describe('search highlight', () => {
  it('marks every occurrence of a Chinese substring', () => {
    expect(marked('板房费用未拨付,请拨付板房建设款', '板房')).toEqual(['板房', '板房']);
    expect(highlightSegments('厂区西门', '厂区')).toEqual([
      { text: '厂区', match: true },
      { text: '西门', match: false },
    ]);
  });

  it('maps full-width letters, case and spaces back onto the original text', () => {
    expect(marked('ＡＢＣ陶瓷科技有限公司', 'abc陶')).toEqual(['ＡＢＣ陶']);
    expect(marked('Fire check 加快', 'firecheck')).toEqual(['Fire check']);
  });

  it('leaves text without a match whole', () => {
    expect(highlightSegments('园区配套不足', '板房')).toEqual([{ text: '园区配套不足', match: false }]);
    expect(highlightSegments('园区配套不足', '')).toEqual([{ text: '园区配套不足', match: false }]);
    expect(containsQuery('请县卫健委尽快拨付', '卫健委')).toBe(true);
    expect(containsQuery('请县卫健委尽快拨付', '')).toBe(false);
  });
});
