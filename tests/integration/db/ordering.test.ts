/**
 * One order everywhere: the draft list, the sealed list, the reception forms, today's
 * list, the public notice and history put receptions that share a minute, and their
 * issues, in the same order, also after a reception gains an issue or its time is corrected.
 */
import { describe, expect, it } from 'vitest';
import { closeDutyDay, openDutyDay, receptionPageOfDutyDay } from '../../../renderer/src/db/repositories/dutyDays';
import { getIssueList } from '../../../renderer/src/db/repositories/issueLists';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import { handledIssuesBetween } from '../../../renderer/src/db/repositories/printQueries';
import { createReception, getReception, receptionsOfDutyDay, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { compareIssuesNewestFirst, compareReceptions, issueKey } from '../../../shared/domain/ordering';
import { int, pick, rng } from '../../fixtures/random';
import type { StationDb } from '../../../renderer/src/db/database';
import type { IssueInput, ReceptionInput } from '../../../shared/domain/schemas';
import { sampleReception, seededDb } from '../../fixtures/db';

const DAY = '2026-03-01';
const at = (time: string) => `${DAY}T${time}:00.000+08:00`;

function issue(summary: string): IssueInput {
  return { category: '其他', summary, request: '请协调', onSpotAnswer: '已当场答复', handling: 'onSpot', suggestedDepartment: '' };
}

async function reception(db: StationDb, deputyIds: string[], dutyDayId: string, time: string, name: string, summaries: string[]) {
  const input: ReceptionInput = sampleReception(deputyIds, {
    receivedAt: at(time),
    visitors: [{ name, phone: '', enterprise: `${name}的企业`, position: '' }],
    issues: summaries.map(issue),
  });
  return { input, saved: await createReception(db, input, { dutyDayId }) };
}

async function editedDay() {
  const { db, deputyIds } = await seededDb();
  const day = await openDutyDay(db, { date: DAY, deputyIds });
  const a = await reception(db, deputyIds, day.id, '10:05', '甲', ['甲1', '甲2']);
  const b = await reception(db, deputyIds, day.id, '10:05', '乙', ['乙1', '乙2']);
  await reception(db, deputyIds, day.id, '09:30', '丙', ['丙1']);
  const d = await reception(db, deputyIds, day.id, '11:00', '丁', ['丁1']);
  // 甲 gains a third issue after 乙 was recorded (its id is then the newest of all)…
  await updateReception(db, a.saved.reception.id, {
    ...a.input,
    issues: [...a.saved.issues.map((i) => ({ ...i })), issue('甲3')],
  });
  // …and 丁's time is corrected to before everyone else.
  await updateReception(db, d.saved.reception.id, { ...d.input, receivedAt: at('09:00'), issues: d.saved.issues.map((i) => ({ ...i })) });
  // 甲 and 乙 share 10:05: the order they were recorded in (their ids) decides, everywhere.
  const [first, second]: ['甲' | '乙', '甲' | '乙'] = a.saved.reception.id < b.saved.reception.id ? ['甲', '乙'] : ['乙', '甲'];
  const issuesOf: Record<'甲' | '乙', string[]> = { 甲: ['甲1', '甲2', '甲3'], 乙: ['乙1', '乙2'] };
  const expected = ['丁1', '丙1', ...issuesOf[first], ...issuesOf[second]];
  const receptionOrder = ['丁', '丙', first, second];
  return { db, day, expected, receptionOrder };
}

describe('one order of receptions and issues', () => {
  it('is the same in the draft list, the reception forms, today, the notice, history and the sealed list', async () => {
    for (let round = 0; round < 3; round++) {
      const { db, day, expected, receptionOrder } = await editedDay();

      // Draft list and reception forms (features/printing reads them this way).
      const ofDay = await receptionsOfDutyDay(db, day.id);
      expect(ofDay.map((r) => r.reception.visitors[0]!.name)).toEqual(receptionOrder);
      expect(ofDay.flatMap((r) => r.issues.map((i) => i.summary))).toEqual(expected);
      for (const r of ofDay) {
        const form = await getReception(db, r.reception.id);
        expect(form!.issues.map((i) => i.summary)).toEqual(r.issues.map((i) => i.summary));
        expect(form!.issues.map((i) => i.seq)).toEqual(r.issues.map((_, n) => n + 1));
      }

      // Today's list: newest first, each reception's issues 1, 2, 3.
      const today = await receptionPageOfDutyDay(db, day.id, { offset: 0, limit: 20 });
      expect(today.items.map((r) => r.reception.visitors[0]!.name)).toEqual([...receptionOrder].reverse());

      // Public notice, in list order.
      const notice = await handledIssuesBetween(db, DAY, DAY);
      expect(notice.map((n) => n.issue.summary)).toEqual(expected);

      // History, newest reception first, each one's issues in their own order, over several pages too.
      const byReception = receptionOrder.map((name) => expected.filter((s) => s.startsWith(name)));
      const newestFirst = [...byReception].reverse().flat();
      const hits = (await searchIssues(db, { from: DAY, to: DAY })).items;
      expect(hits.map((h) => h.issue.summary)).toEqual(newestFirst);
      expect([...hits].sort((a, b) => compareIssuesNewestFirst(issueKey(a.issue, a), issueKey(b.issue, b)))).toEqual(hits);
      for (const limit of [1, 2, 3]) {
        const paged: string[] = [];
        let cursor = null;
        do {
          const page = await searchIssues(db, { from: DAY, to: DAY }, { limit, cursor });
          paged.push(...page.items.map((h) => h.issue.summary));
          cursor = page.cursor;
        } while (cursor);
        expect(paged).toEqual(newestFirst);
      }

      // Sealing writes the same order into the list, entry seq = place.
      const { lists } = await closeDutyDay(db, day.id);
      expect(lists).toHaveLength(1);
      const sealed = await getIssueList(db, lists[0]!.id);
      expect(sealed!.payload.issues.map((i) => i.summary)).toEqual(expected);
      expect(sealed!.payload.issues.map((i) => i.seq)).toEqual(expected.map((_, n) => n + 1));
    }
  });

  it('moves an issue with its reception when the reception time is corrected (search keys and state follow)', async () => {
    const { db, day } = await editedDay();
    const ofDay = await receptionsOfDutyDay(db, day.id);
    const corrected = ofDay[0]!;
    expect(corrected.reception.receivedAt).toBe(at('09:00'));
    for (const i of corrected.issues) {
      expect(i.recordedAt).toBe(at('09:00'));
      expect((await db.issueStates.get(i.id))?.recordedAt).toBe(at('09:00'));
    }
    const found = await searchIssues(db, { text: '丁1', from: DAY, to: DAY });
    expect(found.items.map((h) => h.issue.recordedAt)).toEqual([at('09:00')]);
  });

  it('property: random receptions sharing minutes, with issues appended and times corrected later, read the same everywhere', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = rng(seed);
      const { db, deputyIds } = await seededDb();
      const day = await openDutyDay(db, { date: DAY, deputyIds });
      const minutes = ['09:00', '09:01', '10:30'];
      const saved: { input: ReceptionInput; id: string; issues: string[] }[] = [];
      for (let n = 0; n < 2 + int(r, 0, 5); n++) {
        const summaries = Array.from({ length: int(r, 1, 3) }, (_, k) => `S${seed}-${n}-${k}`);
        const { input, saved: done } = await reception(db, deputyIds, day.id, pick(r, minutes), `访客${n}`, summaries);
        saved.push({ input, id: done.reception.id, issues: summaries });
      }
      for (let edit = 0; edit < 3; edit++) {
        const target = pick(r, saved);
        const current = (await getReception(db, target.id))!;
        const appended = r() < 0.6 ? [`S${seed}-e${edit}`] : [];
        await updateReception(db, target.id, {
          ...target.input,
          receivedAt: r() < 0.5 ? at(pick(r, minutes)) : current.reception.receivedAt,
          issues: [...current.issues.map((i) => ({ ...i })), ...appended.map(issue)],
        });
        target.issues.push(...appended);
      }
      const ofDay = await receptionsOfDutyDay(db, day.id);
      const draft = ofDay.flatMap((x) => x.issues.map((i) => i.summary));
      expect(draft.length, `seed ${seed}`).toBe(saved.reduce((n, x) => n + x.issues.length, 0));
      // Each reception's issues in the order recorded, receptions by time then id.
      const sorted = [...ofDay].sort((a, b) => compareReceptions(a.reception, b.reception));
      expect(sorted.map((x) => x.reception.id), `seed ${seed}`).toEqual(ofDay.map((x) => x.reception.id));
      for (const x of ofDay) expect(x.issues.map((i) => i.summary)).toEqual(saved.find((s) => s.id === x.reception.id)!.issues);

      expect((await handledIssuesBetween(db, DAY, DAY)).map((h) => h.issue.summary), `seed ${seed}`).toEqual(draft);
      const newestFirst = [...ofDay].reverse().flatMap((x) => x.issues.map((i) => i.summary));
      for (const limit of [2, 50]) {
        const paged: string[] = [];
        let cursor = null;
        do {
          const page = await searchIssues(db, { from: DAY, to: DAY }, { limit, cursor });
          paged.push(...page.items.map((h) => h.issue.summary));
          cursor = page.cursor;
        } while (cursor);
        expect(paged, `seed ${seed}, pages of ${limit}`).toEqual(newestFirst);
      }
      const { lists } = await closeDutyDay(db, day.id);
      const sealed = await getIssueList(db, lists[0]!.id);
      expect(sealed!.payload.issues.map((i) => i.summary), `seed ${seed}`).toEqual(draft);
    }
  });
});
