import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS } from '../../../shared/domain/defaults';
import {
  addDeputy,
  addEntry,
  getStation,
  listDeputies,
  listEntries,
  moveDeputy,
  moveEntry,
  setupStation,
  updateDeputy,
  updateEntry,
  updateStation,
} from '../../../renderer/src/db/repositories/station';
import { openDutyDay } from '../../../renderer/src/db/repositories/dutyDays';
import { createReception, getReception } from '../../../renderer/src/db/repositories/receptions';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { freshDb, sampleReception, seededDb } from '../../fixtures/db';

describe('station repository', () => {
  it('sets up the station, roster and default lists once, with an audit entry', async () => {
    const { db } = await seededDb();
    const station = await getStation(db);
    expect(station?.name).toBe('银湾科创产业园人大代表联络站');
    expect((await listDeputies(db)).map((d) => d.name)).toEqual(['张立强', '王丽芬', '郭晓蓉']);
    expect((await listEntries(db, 'categories')).map((e) => e.name)).toEqual([...DEFAULT_CATEGORIES]);
    expect((await listEntries(db, 'departments')).map((e) => e.name)).toEqual([...DEFAULT_DEPARTMENTS]);
    expect((await auditFor(db, 'station', station!.stationId)).map((a) => a.action)).toEqual(['station.setup']);
  });

  it('refuses a second setup and leaves the first station and roster untouched', async () => {
    const { db } = await seededDb();
    const before = await getStation(db);
    await expect(
      setupStation(db, { name: '另一个联络站', county: '某县', town: '某镇', head: '' }, [{ name: '新代表', level: '镇' }]),
    ).rejects.toThrow(/already set up/);
    expect(await getStation(db)).toEqual(before);
    expect(await db.deputies.count()).toBe(3);
  });

  it('rejects an invalid first run without writing anything', async () => {
    const db = freshDb();
    await expect(setupStation(db, { name: '', county: '江海区', town: '三河镇' }, [])).rejects.toThrow();
    await expect(
      setupStation(db, { name: '站', county: '江海区', town: '三河镇' }, [{ name: '张三', level: '乡' as never }]),
    ).rejects.toThrow();
    expect(await getStation(db)).toBeUndefined();
    expect(await db.deputies.count()).toBe(0);
    expect(await db.categories.count()).toBe(0);
  });

  it('updates station info and keeps its id and creation time', async () => {
    const { db } = await seededDb();
    const before = (await getStation(db))!;
    const after = await updateStation(db, { name: '银湾联络站', county: '江海区', town: '三河镇', head: '王丽芬' });
    expect(after.stationId).toBe(before.stationId);
    expect(after.createdAt).toBe(before.createdAt);
    expect((await getStation(db))?.head).toBe('王丽芬');
  });

  it('hides a deactivated deputy from the active roster but keeps them on old records', async () => {
    const { db, deputyIds } = await seededDb();
    const { reception } = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await updateDeputy(db, deputyIds[2]!, { active: false });
    expect((await listDeputies(db)).map((d) => d.name)).toEqual(['张立强', '王丽芬']);
    expect((await listDeputies(db, true)).map((d) => [d.name, d.active])).toContainEqual(['郭晓蓉', false]);
    expect((await getReception(db, reception.id))?.reception.deputyIds).toContain(deputyIds[2]);
    await updateDeputy(db, deputyIds[2]!, { active: true });
    expect(await listDeputies(db)).toHaveLength(3);
  });

  it('adds a deputy at the end of the roster and edits one', async () => {
    const { db, deputyIds } = await seededDb();
    const added = await addDeputy(db, { name: '杨宏斌', level: '市', unit: '江海一禾粮油有限公司' });
    expect((await listDeputies(db)).at(-1)?.id).toBe(added.id);
    await updateDeputy(db, deputyIds[1]!, { role: '副站长' });
    expect((await listDeputies(db)).find((d) => d.id === deputyIds[1])?.role).toBe('副站长');
    await expect(updateDeputy(db, deputyIds[1]!, { name: '' })).rejects.toThrow();
  });

  it('reorders the deputy roster, inactive deputies included, with an audit entry', async () => {
    const { db } = await seededDb();
    const added = await addDeputy(db, { name: '陈国栋', level: '县', unit: '县科技局', role: '' });
    await updateDeputy(db, added.id, { active: false });
    await moveDeputy(db, added.id, 'up');
    expect((await listDeputies(db, true)).map((d) => d.name)).toEqual(['张立强', '王丽芬', '陈国栋', '郭晓蓉']);
    expect((await listDeputies(db)).map((d) => d.name)).toEqual(['张立强', '王丽芬', '郭晓蓉']);
    const [head] = await listDeputies(db);
    await moveDeputy(db, head!.id, 'up'); // already first: nothing changes
    await moveDeputy(db, head!.id, 'down');
    expect((await listDeputies(db, true)).map((d) => d.name)).toEqual(['王丽芬', '张立强', '陈国栋', '郭晓蓉']);
    expect((await auditFor(db, 'deputy', head!.id)).map((a) => a.detail)).toContainEqual({ moved: 'down', order: 1 });
  });

  it('edits the category list: add, rename, deactivate, and move up and down', async () => {
    const { db } = await seededDb();
    const added = await addEntry(db, 'categories', '  知识产权  ');
    expect(added.name).toBe('知识产权');
    await expect(addEntry(db, 'categories', '知识产权')).rejects.toThrow(/already exists/);
    const [first, second] = await listEntries(db, 'categories');
    await updateEntry(db, 'categories', first!.id, { name: '金融服务' });
    await moveEntry(db, 'categories', second!.id, 'up');
    let names = (await listEntries(db, 'categories')).map((e) => e.name);
    expect(names.slice(0, 2)).toEqual([second!.name, '金融服务']);
    await moveEntry(db, 'categories', second!.id, 'up'); // already first: nothing changes
    await moveEntry(db, 'categories', added.id, 'down'); // already last: nothing changes
    names = (await listEntries(db, 'categories')).map((e) => e.name);
    expect(names[0]).toBe(second!.name);
    expect(names.at(-1)).toBe('知识产权');
    await updateEntry(db, 'categories', added.id, { active: false });
    expect((await listEntries(db, 'categories')).map((e) => e.name)).not.toContain('知识产权');
    expect((await listEntries(db, 'categories', true)).map((e) => e.name)).toContain('知识产权');
  });

  it('moves past a deactivated neighbour in one step as seen in the full list', async () => {
    const { db } = await seededDb();
    const all = await listEntries(db, 'departments', true);
    await moveEntry(db, 'departments', all[2]!.id, 'up');
    const after = await listEntries(db, 'departments', true);
    expect(after.map((e) => e.id).slice(0, 3)).toEqual([all[0]!.id, all[2]!.id, all[1]!.id]);
    expect(new Set(after.map((e) => e.order)).size).toBe(after.length);
  });

  it('lets a deactivated deputy stay on an open duty day', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await updateDeputy(db, deputyIds[0]!, { active: false });
    expect((await db.dutyDays.get(day.id))?.deputyIds).toEqual(deputyIds);
  });
});
