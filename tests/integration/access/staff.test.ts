import { afterEach, describe, expect, it } from 'vitest';
import { auditFor, recordAccess, setAuditActor } from '../../../renderer/src/db/repositories/audit';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { addStaff, changePin, hasActiveStaff, listStaff, setStaffActive, verifyPin } from '../../../renderer/src/db/repositories/staff';
import { sampleReception, seededDb } from '../../fixtures/db';

afterEach(() => setAuditActor(null));

describe('staff accounts', () => {
  it('stores a salted scrypt hash, never the PIN, and lists accounts without it', async () => {
    const { db } = await seededDb();
    expect(await hasActiveStaff(db)).toBe(false);
    const a = await addStaff(db, { name: ' 王丽芬 ', pin: '135790' }, { firstOnly: true });
    await addStaff(db, { name: '郭晓蓉', pin: '135790' });
    expect(a.name).toBe('王丽芬');
    expect(await hasActiveStaff(db)).toBe(true);
    const rows = await db.staff.toArray();
    expect(rows.map((r) => r.pin.algo)).toEqual(['scrypt', 'scrypt']);
    expect(rows[0]!.pin.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(rows[0]!.pin.salt).not.toBe(rows[1]!.pin.salt);
    expect(rows[0]!.pin.hash).not.toBe(rows[1]!.pin.hash);
    expect(JSON.stringify(rows)).not.toContain('135790');
    const listed = await listStaff(db);
    expect(listed.map((m) => m.name)).toEqual(['王丽芬', '郭晓蓉']);
    expect(Object.keys(listed[0]!).sort()).toEqual(['active', 'createdAt', 'id', 'name']);
  });

  it('refuses a PIN that is not 4 to 6 digits, a second first account and a duplicate name', async () => {
    const { db } = await seededDb();
    await expect(addStaff(db, { name: '王丽芬', pin: '12a4' })).rejects.toThrow(/4 到 6 位数字/);
    await expect(addStaff(db, { name: '王丽芬', pin: '1234567' })).rejects.toThrow(/4 到 6 位数字/);
    await addStaff(db, { name: '王丽芬', pin: '2468' }, { firstOnly: true });
    await expect(addStaff(db, { name: '杨宏斌', pin: '2468' }, { firstOnly: true })).rejects.toThrow(/already exists/);
    await expect(addStaff(db, { name: '王丽芬', pin: '1357' })).rejects.toThrow(/already exists/);
    expect(await db.staff.count()).toBe(1);
  });

  it('checks a PIN, counts wrong ones, makes the next try wait after three and clears the count on success', async () => {
    const { db } = await seededDb();
    const { id } = await addStaff(db, { name: '王丽芬', pin: '135790' });
    const t0 = new Date('2026-12-04T09:00:00+08:00');
    expect(await verifyPin(db, id, '000000', t0)).toEqual({ ok: false, reason: 'wrong', failures: 1, retryAt: null });
    expect(await verifyPin(db, id, '111111', t0)).toMatchObject({ ok: false, reason: 'wrong', failures: 2, retryAt: null });
    const third = await verifyPin(db, id, '222222', t0);
    expect(third).toMatchObject({ ok: false, reason: 'wrong', failures: 3 });
    const retryAt = (third as { retryAt: number }).retryAt;
    expect(retryAt).toBe(t0.getTime() + 30_000);
    // Even the right PIN is not checked while the delay runs.
    expect(await verifyPin(db, id, '135790', new Date(t0.getTime() + 29_000))).toEqual({ ok: false, reason: 'wait', retryAt });
    const fourth = await verifyPin(db, id, '333333', new Date(t0.getTime() + 30_000));
    expect(fourth).toMatchObject({ failures: 4, retryAt: t0.getTime() + 30_000 + 60_000 });
    const ok = await verifyPin(db, id, '135790', new Date(t0.getTime() + 90_000));
    expect(ok).toMatchObject({ ok: true, member: { id, name: '王丽芬' } });
    expect((await db.staff.get(id))!.failures).toBe(0);
    expect((await auditFor(db, 'staff', id)).map((e) => e.action)).toEqual([
      'staff.add',
      'staff.signInRefused',
      'staff.signInRefused',
      'staff.signInRefused',
      'staff.signInRefused',
      'staff.signIn',
    ]);
  });

  it('a changed PIN replaces the old one; a stopped account cannot sign in; the last one cannot be stopped', async () => {
    const { db } = await seededDb();
    const a = await addStaff(db, { name: '王丽芬', pin: '135790' });
    const b = await addStaff(db, { name: '郭晓蓉', pin: '2468' });
    await changePin(db, a.id, '8642');
    expect(await verifyPin(db, a.id, '135790')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await verifyPin(db, a.id, '8642')).toMatchObject({ ok: true });
    await setStaffActive(db, b.id, false);
    expect(await verifyPin(db, b.id, '2468')).toEqual({ ok: false, reason: 'unknown' });
    await expect(setStaffActive(db, a.id, false)).rejects.toThrow(/last active/);
    expect((await listStaff(db)).map((m) => m.name)).toEqual(['王丽芬']);
  });
});

describe('audit actor and access entries', () => {
  it('every entry names the account signed in, also those other features write', async () => {
    const { db, deputyIds } = await seededDb();
    const member = await addStaff(db, { name: '王丽芬', pin: '135790' });
    setAuditActor(member);
    const { reception } = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await recordAccess(db, 'viewed', { entity: 'reception', id: reception.id });
    await recordAccess(db, 'printed', { entity: 'reception', id: reception.id }, { form: 'reception' });
    setAuditActor(null);
    await recordAccess(db, 'exported', { entity: 'reception', id: reception.id });
    const entries = await auditFor(db, 'reception', reception.id);
    expect(entries.map((e) => [e.action, e.actor?.name ?? null])).toEqual([
      ['reception.create', '王丽芬'],
      ['access.viewed', '王丽芬'],
      ['access.printed', '王丽芬'],
      ['access.exported', null],
    ]);
    expect(entries[2]!.detail).toEqual({ form: 'reception' });
  });
});
