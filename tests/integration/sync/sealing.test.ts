import { describe, expect, it } from 'vitest';
import { closeDutyDay, openDutyDay } from '../../../renderer/src/db/repositories/dutyDays';
import { countUnsealed, getIssueList, listIssueLists, listsOfIssue, sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { createReception, deleteReception, getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { SealedIssueDeleteError } from '../../../renderer/src/db/issueStates';
import { StationDb } from '../../../renderer/src/db/database';
import { sampleReception, seededDb } from '../../fixtures/db';
import type { ReceptionInput } from '../../../shared/domain/schemas';

function asInput(r: Awaited<ReturnType<typeof getReception>>): ReceptionInput {
  return {
    channel: r!.reception.channel,
    receivedAt: r!.reception.receivedAt,
    deputyIds: r!.reception.deputyIds,
    visitors: r!.reception.visitors,
    issues: r!.issues.map((i) => ({ ...i })),
  };
}

describe('sealing issue lists', () => {
  it('closing a duty day seals its issues into the next number, with the outbox entry', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await createReception(db, sampleReception(deputyIds), { dutyDayId: day.id });
    const { day: closed, summary, lists } = await closeDutyDay(db, day.id);
    expect(closed.status).toBe('closed');
    expect(summary.issues).toBe(2);
    expect(lists).toHaveLength(1);
    const list = lists[0]!;
    expect(list.number).toBe(`〔${new Date().getFullYear()}〕第1号`);
    expect(list.dutyDayId).toBe(day.id);
    expect(list.payload.issues.map((i) => i.seq)).toEqual([1, 2]);
    expect(list.payload.issues[0]!.deputyNames).toEqual(['张立强', '王丽芬', '郭晓蓉']);
    expect(list.payload.issues[0]!.visitors[0]).toEqual({ name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([expect.objectContaining({ itemId: list.id, state: 'pending', attempts: 0 })]);
    expect((await db.issueStates.toArray()).filter((s) => s.listId === list.id && s.sealState === 'sealed' && s.pendingSeal === undefined)).toHaveLength(2);
    expect(await db.issueStates.where('pendingSeal').equals(1).count()).toBe(0);
  });

  it('a day without new issues uses up no number', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    expect((await closeDutyDay(db, day.id)).lists).toEqual([]);
    await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const [list] = await sealNow(db, new Date('2026-03-05T09:00:00+08:00'));
    expect(list!.seq).toBe(1);
  });

  it('numbers run 1, 2, 3 … per year with no gap, and restart with the station clock’s new year', async () => {
    const { db, deputyIds } = await seededDb();
    const seqs: string[] = [];
    // Local-time constructors: the year is the station clock's, whatever its time zone.
    for (const at of [new Date(2026, 10, 1, 9), new Date(2026, 11, 1, 9), new Date(2026, 11, 31, 23, 59), new Date(2027, 0, 1, 0, 1)]) {
      await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
      seqs.push(...(await sealNow(db, at)).map((l) => l.number));
    }
    expect(seqs).toEqual(['〔2026〕第1号', '〔2026〕第2号', '〔2026〕第3号', '〔2027〕第1号']);
  });

  it('concurrent seals from two connections (two windows) never repeat or skip a number', async () => {
    const { db, deputyIds } = await seededDb();
    const other = new StationDb(db.name);
    const when = new Date('2026-04-01T09:00:00+08:00');
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const target = i % 2 === 0 ? db : other;
      work.push(
        createReception(target, sampleReception(deputyIds), { dutyDayId: null }).then(() => sealNow(target, when)),
      );
    }
    await Promise.all(work);
    const lists = await listIssueLists(db);
    const seqs = lists.map((l) => l.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    // every issue sealed exactly once
    const carried = lists.flatMap((l) => l.issueIds);
    expect(new Set(carried).size).toBe(24);
    expect(carried).toHaveLength(24);
    expect(await db.outbox.count()).toBe(lists.length);
    other.close();
  });

  it('seal now leaves the issues of a duty day that is still open to that day’s list', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await createReception(db, sampleReception(deputyIds), { dutyDayId: day.id });
    await createReception(db, sampleReception(deputyIds, { channel: 'phone' }), { dutyDayId: null });
    expect(await countUnsealed(db)).toBe(2);
    const [loose] = await sealNow(db);
    expect(loose!.payload.issues.every((i) => i.channel === 'phone')).toBe(true);
    const { lists } = await closeDutyDay(db, day.id);
    expect(lists[0]!.seq).toBe(2);
    expect(lists[0]!.payload.issues.every((i) => i.channel === 'walkIn')).toBe(true);
  });

  it('more issues than one list may hold are sealed into consecutive lists', async () => {
    const { db, deputyIds } = await seededDb();
    const base = sampleReception(deputyIds);
    for (let r = 0; r < 4; r++) {
      const issues = Array.from({ length: 30 }, (_, i) => ({ ...base.issues[0]!, summary: `第${r}批问题${i}` }));
      await createReception(db, { ...base, issues }, { dutyDayId: null });
    }
    const lists = await sealNow(db, new Date('2026-05-01T09:00:00+08:00'));
    expect(lists.map((l) => [l.seq, l.payload.issues.length])).toEqual([[1, 100], [2, 20]]);
  });
});

describe('a sealed list never changes', () => {
  it('editing a sealed issue keeps the list as sealed and queues an amendment in the next list', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const [first] = await sealNow(db, new Date('2026-03-01T18:00:00+08:00'));
    const snapshot = structuredClone(first!);

    const input = asInput(await getReception(db, created.reception.id));
    input.issues[0]!.summary = '厂区西门地面塌陷,地缆线裸露(已更正)';
    await updateReception(db, created.reception.id, input);

    expect(await getIssueList(db, first!.id)).toEqual(snapshot);
    const edited = await db.issueStates.get(created.issues[0]!.id);
    expect(edited).toMatchObject({ listId: first!.id, sealState: 'amended' });
    // the untouched sibling stays sealed
    expect(await db.issueStates.get(created.issues[1]!.id)).toMatchObject({ listId: first!.id, sealState: 'sealed' });

    const [second] = await sealNow(db, new Date('2026-03-02T09:00:00+08:00'));
    expect(second!.seq).toBe(2);
    expect(second!.amendsListId).toBe(first!.id);
    expect(second!.payload.issues).toHaveLength(1);
    const entry = second!.payload.issues[0]!;
    expect(entry.amendsIssueId).toBe(created.issues[0]!.id);
    expect(entry.id).not.toBe(created.issues[0]!.id);
    expect(entry.summary).toContain('已更正');
    expect(await db.issueStates.get(created.issues[0]!.id)).toMatchObject({ listId: first!.id, sealState: 'sealed' });
    expect((await listsOfIssue(db, created.issues[0]!.id)).map((l) => l.seq)).toEqual([1, 2]);
    expect(await getIssueList(db, first!.id)).toEqual(snapshot);
  });

  it('re-saving a sealed reception without changes does not create an amendment', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await sealNow(db);
    await updateReception(db, created.reception.id, asInput(await getReception(db, created.reception.id)));
    expect(await countUnsealed(db)).toBe(0);
  });

  it('a correction of what the county got about the reception — time, channel, deputies, a visitor’s phone or position — amends every sealed issue of it', async () => {
    const corrections: ((input: ReceptionInput) => void)[] = [
      (i) => (i.receivedAt = '2026-03-01T09:35:00.000+08:00'),
      (i) => (i.channel = 'phone'),
      (i) => (i.deputyIds = i.deputyIds.slice(0, 1)),
      (i) => (i.visitors[0] = { ...i.visitors[0]!, phone: '13979619999' }),
      (i) => (i.visitors[1] = { ...i.visitors[1]!, position: '行政主管' }),
    ];
    for (const correct of corrections) {
      const { db, deputyIds } = await seededDb();
      const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
      const [first] = await sealNow(db, new Date('2026-03-01T18:00:00+08:00'));
      const input = asInput(await getReception(db, created.reception.id));
      correct(input);
      await updateReception(db, created.reception.id, input);
      for (const issue of created.issues) expect(await db.issueStates.get(issue.id)).toMatchObject({ listId: first!.id, sealState: 'amended' });
      const [second] = await sealNow(db, new Date('2026-03-02T09:00:00+08:00'));
      expect(second!.payload.issues.map((e) => e.amendsIssueId)).toEqual(created.issues.map((i) => i.id));
    }
  });

  it('a sealed issue cannot be deleted, and nothing is lost by trying', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await sealNow(db);
    const error = await deleteReception(db, created.reception.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SealedIssueDeleteError);
    expect((error as SealedIssueDeleteError).userMessage).toMatch(/不能删除/);
    expect(await getReception(db, created.reception.id)).toBeDefined();
    expect(await db.issues.count()).toBe(2);
  });
});
