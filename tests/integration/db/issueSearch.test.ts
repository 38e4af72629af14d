import { describe, expect, it } from 'vitest';
import { createReception, deleteReception } from '../../../renderer/src/db/repositories/receptions';
import { searchIssues, type IssueSearchQuery, type SearchTuning } from '../../../renderer/src/db/repositories/issueSearch';
import type { StationDb } from '../../../renderer/src/db/database';
import type { ReceptionInput } from '../../../shared/domain/schemas';
import { sampleReception, seededDb } from '../../fixtures/db';

type IssueSeed = ReceptionInput['issues'][number];

function issue(category: string, summary: string, extra: Partial<IssueSeed> = {}): IssueSeed {
  return { category, summary, request: '', onSpotAnswer: '', handling: 'referToCounty', suggestedDepartment: '', ...extra };
}

async function addReception(
  db: StationDb,
  deputyIds: string[],
  receivedAt: string,
  visitors: ReceptionInput['visitors'],
  issues: IssueSeed[],
): Promise<string> {
  const created = await createReception(db, sampleReception(deputyIds, { receivedAt, visitors, issues }), { dutyDayId: null });
  return created.reception.id;
}

/** A small station history spread over two months. */
async function history() {
  const { db, deputyIds } = await seededDb();
  const chen = [{ name: '陈林', phone: '', enterprise: '鸿达智能科技有限公司', position: '负责人' }];
  const wu = [{ name: '伍盛华', phone: '', enterprise: '合顺实业有限公司', position: '总经理' }];
  const yi = [{ name: '易明', phone: '', enterprise: 'ＡＢＣ陶瓷科技有限公司', position: '负责人' }];
  const ids = {
    wu: await addReception(db, deputyIds, '2026-03-01T09:20:00.000+08:00', wu, [
      issue('政策兑现', '防疫期间代建移动板房费用9.9万元至今未拨付', { request: '请县卫健委尽快拨付板房建设款' }),
    ]),
    chen: await addReception(db, deputyIds, '2026-03-08T15:00:00.000+08:00', chen, [
      issue('审批办证', '五栋厂房产权证办理效率低,无法及时办理抵押贷款', { request: '采取容缺办理方式加快办证' }),
    ]),
    yi: await addReception(db, deputyIds, '2026-03-15T23:30:00.000+08:00', yi, [
      issue('土地规划', '日产陶瓷砖18万片,厂区内成品无处堆放', { request: '协调约10亩堆场用地' }),
      issue('用工招聘', '扩产后缺少一线操作工约40人', {
        handling: 'onSpot',
        onSpotAnswer: '已告知下月初镇里有招聘会',
      }),
    ]),
    chen2: await addReception(db, deputyIds, '2026-04-01T09:00:00.000+08:00', chen, [
      issue('融资贷款', '过桥资金难以筹措,担保费率偏高', { handling: 'stationFollowUp' }),
      issue('审批办证', '消防验收排队时间长,影响投产', { request: 'Fire check 加快' }),
    ]),
  };
  return { db, deputyIds, ids };
}

async function summaries(db: StationDb, query: IssueSearchQuery, limit = 50): Promise<string[]> {
  const page = await searchIssues(db, query, { limit });
  return page.items.map((h) => h.issue.summary);
}

describe('issue search', () => {
  it('finds Chinese substrings in summary, request, enterprise and visitor name, newest first', async () => {
    const { db } = await history();
    expect(await summaries(db, { text: '板房' })).toEqual(['防疫期间代建移动板房费用9.9万元至今未拨付']);
    expect(await summaries(db, { text: '容缺办理' })).toEqual(['五栋厂房产权证办理效率低,无法及时办理抵押贷款']);
    // The two issues of 1 April share one timestamp: they come in the order the reception lists them.
    expect(await summaries(db, { text: '鸿达智能' })).toEqual([
      '过桥资金难以筹措,担保费率偏高',
      '消防验收排队时间长,影响投产',
      '五栋厂房产权证办理效率低,无法及时办理抵押贷款',
    ]);
    expect(await summaries(db, { text: '伍盛华' })).toHaveLength(1);
    expect(await summaries(db, { text: '不存在的词' })).toEqual([]);
  });

  it('lists the issues of one reception in the order the reception gives them (they share its time)', async () => {
    const { db, deputyIds } = await seededDb();
    const visitors = [{ name: '陈林', phone: '', enterprise: '鸿达智能科技有限公司', position: '负责人' }];
    const many = Array.from({ length: 12 }, (_, i) => issue('其他', `第${i + 1}个问题`));
    for (let round = 0; round < 5; round++) {
      const id = await addReception(db, deputyIds, `2026-05-0${round + 1}T09:00:00.000+08:00`, visitors, many);
      const shown = await searchIssues(db, { from: `2026-05-0${round + 1}`, to: `2026-05-0${round + 1}` });
      expect(shown.items.map((h) => h.issue.seq)).toEqual(many.map((_, i) => i + 1));
      expect(new Set(shown.items.map((h) => h.receptionId))).toEqual(new Set([id]));
    }
  });

  it('confirms the whole substring, not just its bigrams', async () => {
    const { db } = await history();
    // 办理 and 理方 both occur, but "办理方式" only in one request; "证办理效" spans only one summary.
    expect(await summaries(db, { text: '办理方式' })).toHaveLength(1);
    // Every bigram of 厂房费 occurs somewhere (厂房 in 五栋厂房, 房费 in 板房费用) but never together.
    expect(await summaries(db, { text: '厂房费' })).toEqual([]);
  });

  it('folds full-width and half-width letters, case and spaces', async () => {
    const { db } = await history();
    expect(await summaries(db, { text: 'abc陶瓷' })).toHaveLength(2);
    expect(await summaries(db, { text: 'ＦＩＲＥ ｃｈｅｃｋ' })).toEqual(['消防验收排队时间长,影响投产']);
    expect(await summaries(db, { text: ' 9.9万 ' })).toHaveLength(1);
  });

  it('answers a one-character query by substring', async () => {
    const { db } = await history();
    expect(await summaries(db, { text: '砖' })).toEqual(['日产陶瓷砖18万片,厂区内成品无处堆放']);
  });

  it('combines text with category, status and handling filters', async () => {
    const { db } = await history();
    expect(await summaries(db, { text: '鸿达', category: '审批办证' })).toEqual([
      '消防验收排队时间长,影响投产',
      '五栋厂房产权证办理效率低,无法及时办理抵押贷款',
    ]);
    expect(await summaries(db, { text: '鸿达', handling: 'stationFollowUp' })).toEqual(['过桥资金难以筹措,担保费率偏高']);
    expect(await summaries(db, { status: 'resolvedOnSpot' })).toEqual(['扩产后缺少一线操作工约40人']);
    expect(await summaries(db, { category: '审批办证', status: 'recorded', handling: 'referToCounty' })).toHaveLength(2);
    expect(await summaries(db, { category: '审批办证', handling: 'onSpot' })).toEqual([]);
  });

  it('treats the date range as whole local days, end day included', async () => {
    const { db } = await history();
    // The reception at 23:30 on 15 March is inside a range ending on the 15th.
    const march = await summaries(db, { from: '2026-03-08', to: '2026-03-15' });
    expect(march.slice(0, 2).sort()).toEqual(['扩产后缺少一线操作工约40人', '日产陶瓷砖18万片,厂区内成品无处堆放'].sort());
    expect(march[2]).toBe('五栋厂房产权证办理效率低,无法及时办理抵押贷款');
    expect(await summaries(db, { text: '鸿达', from: '2026-04-01', to: '2026-04-01' })).toHaveLength(2);
    expect(await summaries(db, { from: '2026-03-16', to: '2026-03-31' })).toEqual([]);
    expect(await summaries(db, { from: '2026-04-02', to: '2026-03-01' })).toEqual([]);
  });

  it('joins the reception for display', async () => {
    const { db, ids } = await history();
    const page = await searchIssues(db, { text: '板房' }, { limit: 10 });
    expect(page.items[0]).toMatchObject({
      receptionId: ids.wu,
      receivedAt: '2026-03-01T09:20:00.000+08:00',
      visitorNames: ['伍盛华'],
      enterprises: ['合顺实业有限公司'],
    });
  });

  it('drops issues of a deleted reception', async () => {
    const { db, ids } = await history();
    await deleteReception(db, ids.chen2, '重复登记');
    expect(await summaries(db, { text: '鸿达' })).toEqual(['五栋厂房产权证办理效率低,无法及时办理抵押贷款']);
    expect(await summaries(db, {})).toHaveLength(4);
  });
});

describe('issue search paging', () => {
  /** 45 issues: 15 receptions of 3 issues each, several sharing one timestamp. */
  async function manyIssues() {
    const { db, deputyIds } = await seededDb();
    for (let r = 0; r < 15; r++) {
      const day = String(1 + Math.floor(r / 3)).padStart(2, '0');
      const visitors = [{ name: `访客${r}`, phone: '', enterprise: r % 2 ? '星河纺织有限公司' : '远航物流有限公司', position: '' }];
      await addReception(db, deputyIds, `2026-05-${day}T10:00:00.000+08:00`, visitors, [
        issue(r % 2 ? '用电用水' : '交通物流', `第${r}次来访反映的第一个问题:园区道路积水`),
        issue('园区配套', `第${r}次来访反映的第二个问题:食堂不足`, { handling: 'stationFollowUp' }),
        issue('其他', `第${r}次来访反映的第三个问题:路灯不亮`, { handling: 'stationFollowUp' }),
      ]);
    }
    return db;
  }

  async function allPages(db: StationDb, query: IssueSearchQuery, limit: number, tuning?: Partial<SearchTuning>) {
    const seen: { id: string; recordedAt: string }[] = [];
    let cursor = null;
    let pages = 0;
    for (;;) {
      const page = await searchIssues(db, query, { limit, cursor, tuning });
      pages += 1;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((h) => ({ id: h.issue.id, recordedAt: h.issue.recordedAt })));
      expect(page.hasMore).toBe(page.cursor !== null);
      if (!page.hasMore) break;
      cursor = page.cursor;
      expect(pages).toBeLessThan(100);
    }
    return { seen, pages };
  }

  function expectNewestFirst(seen: { id: string; recordedAt: string }[]) {
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1]!;
      const b = seen[i]!;
      expect(a.recordedAt > b.recordedAt || (a.recordedAt === b.recordedAt && a.id > b.id)).toBe(true);
    }
  }

  it.each([
    ['no text', {}, 45],
    ['one character', { text: '第' }, 45],
    ['a bigram query', { text: '来访反映' }, 45],
    ['enterprise name', { text: '星河纺织' }, 21],
    ['category filter', { category: '园区配套' }, 15],
    ['text and handling', { text: '问题', handling: 'stationFollowUp' as const }, 30],
    ['date range', { from: '2026-05-02', to: '2026-05-03' }, 18],
  ])('pages through %s without duplicates or gaps', async (_name, query: IssueSearchQuery, expected) => {
    const db = await manyIssues();
    const everything = (await searchIssues(db, query, { limit: 1000 })).items.map((h) => h.issue.id);
    expect(everything).toHaveLength(expected);
    for (const [limit, tuning] of [
      [1, {}],
      [7, {}],
      [10, {}],
      // Tiny chunks and windows: walks and windows cross chunk edges inside runs of one timestamp.
      [7, { probe: 1, maxWindow: 4, firstChunk: 1, maxChunk: 4 }],
      [1, { probe: 1, maxWindow: 2, firstChunk: 1, maxChunk: 2 }],
      // Every other list judged too dense to read: candidates confirmed by their rows alone.
      [4, { probe: 1, maxWindow: 1, keysPerRow: 0, firstChunk: 1, maxChunk: 1 }],
      [3, { probe: 2, maxWindow: 2, keysPerRow: 0 }],
      // Every other list read whatever its size.
      [7, { probe: 3, maxWindow: 6, keysPerRow: 1e9 }],
    ] as const) {
      const { seen } = await allPages(db, query, limit, tuning);
      expect(seen.map((s) => s.id)).toEqual(everything);
      expect(new Set(seen.map((s) => s.id)).size).toBe(expected);
      expectNewestFirst(seen);
    }
  });

  it('gives the same answers on every access path', async () => {
    const db = await manyIssues();
    const paths: Partial<SearchTuning>[] = [
      { probe: 1 },
      { probe: 1, maxWindow: 1 },
      { probe: 1, maxWindow: 1, keysPerRow: 0 },
      { probe: 2, keysPerRow: 1e9 },
      { probe: 5, maxWindow: 5, keysPerRow: 0 },
      { firstChunk: 1, maxChunk: 1 },
      { probe: 1000, maxWindow: 1000 },
    ];
    const cases: [IssueSearchQuery, number][] = [
      [{ text: '星河纺织' }, 21],
      [{ text: '道路积水', category: '交通物流' }, 8],
      // 访客1, 访客10 … 访客14: six receptions of three issues.
      [{ text: '访客1' }, 18],
      [{ text: '路灯不亮了' }, 0],
    ];
    for (const [query, count] of cases) {
      const lists = (await searchIssues(db, query, { limit: 100 })).items.map((h) => h.issue.id);
      expect(lists).toHaveLength(count);
      for (const tuning of paths) {
        const other = await searchIssues(db, query, { limit: 100, tuning });
        expect(other.items.map((h) => h.issue.id)).toEqual(lists);
      }
    }
  });

  it('pages through one timestamp shared by more issues than a chunk holds', async () => {
    const { db, deputyIds } = await seededDb();
    const many = Array.from({ length: 12 }, (_, i) => issue('其他', `同一次来访的第${i + 1}个问题`));
    await addReception(db, deputyIds, '2026-06-01T09:00:00.000+08:00', [{ name: '郑伟', phone: '', enterprise: '', position: '' }], many);
    for (const tuning of [
      { probe: 1, maxWindow: 2, firstChunk: 1, maxChunk: 2 },
      { probe: 1, maxWindow: 1, keysPerRow: 0, firstChunk: 1, maxChunk: 1 },
    ]) {
      const { seen } = await allPages(db, { text: '同一次来访' }, 1, tuning);
      expect(new Set(seen.map((s) => s.id)).size).toBe(12);
      expect(seen).toHaveLength(12);
    }
  });

  it('says whether more exist without an extra empty page', async () => {
    const db = await manyIssues();
    const exact = await searchIssues(db, { category: '园区配套' }, { limit: 15 });
    expect(exact.items).toHaveLength(15);
    expect(exact.hasMore).toBe(false);
    expect(exact.cursor).toBeNull();
    const first = await searchIssues(db, { category: '园区配套' }, { limit: 14 });
    expect(first.hasMore).toBe(true);
  });

  it('rejects malformed dates with a developer message', async () => {
    const db = await manyIssues();
    await expect(searchIssues(db, { from: '2026/05/01' })).rejects.toThrow(/from/);
  });
});
