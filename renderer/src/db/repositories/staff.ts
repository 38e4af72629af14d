/**
 * Staff accounts and the PIN check (docs/access.md). A PIN is hashed outside the writing
 * transaction (hashing is not a Dexie await and would commit it early); wrong PINs are
 * counted on the account, so closing the window does not reset the retry delay.
 */
import { pinRetryDelayMs, type StaffMember } from '../../../../shared/domain/access';
import type { StaffInput } from '../../../../shared/domain/accessSchemas';
import { newId } from '../../../../shared/domain/ids';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StaffRow } from '../accessRows';
import type { StationDb } from '../database';
import { accessSchemas } from '../schemas';
import { addAudit, auditActor } from './audit';

/** The hashing code (scrypt) is fetched when a PIN is first set or checked, not at every start. */
function pinHashing() {
  return import('../pinHash');
}

function toMember(row: StaffRow): StaffMember {
  return { id: row.id, name: row.name, active: row.active, createdAt: row.createdAt };
}

export async function listStaff(db: StationDb, includeInactive = false): Promise<StaffMember[]> {
  const rows = await db.staff.toArray();
  return rows
    .filter((r) => includeInactive || r.active)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
    .map(toMember);
}

/** True once the station has an account anyone can sign in with. */
export async function hasActiveStaff(db: StationDb): Promise<boolean> {
  return (await db.staff.filter((r) => r.active).count()) > 0;
}

export class StaffNameTakenError extends Error {
  constructor(name: string) {
    super(`A staff account named ${name} already exists`);
    this.name = 'StaffNameTakenError';
  }
}

/**
 * Adds an account. `firstOnly`: the first-account screen (first run, or the first open
 * after the upgrade) may only add an account while none is active, so it cannot be used
 * to slip a second one past the lock.
 */
export async function addStaff(db: StationDb, input: StaffInput, opts: { firstOnly?: boolean } = {}): Promise<StaffMember> {
  const valid = (await accessSchemas()).staffInputSchema.parse(input);
  const pin = await (await pinHashing()).hashPin(valid.pin);
  const now = toLocalIso(new Date());
  const row: StaffRow = { id: newId(), name: valid.name, pin, active: true, createdAt: now, updatedAt: now, failures: 0, lastFailureAt: null };
  await db.transaction('rw', [db.staff, db.auditLog], async () => {
    const all = await db.staff.toArray();
    if (opts.firstOnly && all.some((r) => r.active)) throw new Error('A staff account already exists');
    if (all.some((r) => r.active && r.name === row.name)) throw new StaffNameTakenError(row.name);
    await db.staff.add(row);
    await addAudit(db, 'staff.add', 'staff', row.id, { name: row.name, first: all.length === 0 });
  });
  return toMember(row);
}

export async function renameStaff(db: StationDb, id: string, name: string): Promise<void> {
  const valid = (await accessSchemas()).staffNameSchema.parse(name);
  await db.transaction('rw', [db.staff, db.auditLog], async () => {
    const row = await db.staff.get(id);
    if (!row) throw new Error(`Staff account ${id} not found`);
    const all = await db.staff.toArray();
    if (all.some((r) => r.id !== id && r.active && r.name === valid)) throw new StaffNameTakenError(valid);
    await db.staff.put({ ...row, name: valid, updatedAt: toLocalIso(new Date()) });
    await addAudit(db, 'staff.update', 'staff', id, { name: valid, before: row.name });
  });
}

/** Stops or restores an account; the last active one cannot be stopped (nobody could sign in). */
export async function setStaffActive(db: StationDb, id: string, active: boolean): Promise<void> {
  await db.transaction('rw', [db.staff, db.auditLog], async () => {
    const row = await db.staff.get(id);
    if (!row) throw new Error(`Staff account ${id} not found`);
    if (!active && (await db.staff.filter((r) => r.active && r.id !== id).count()) === 0) {
      throw new Error('The last active staff account cannot be stopped');
    }
    await db.staff.put({ ...row, active, updatedAt: toLocalIso(new Date()) });
    await addAudit(db, 'staff.update', 'staff', id, { name: row.name, active });
  });
}

/** Sets a new PIN (from 设置, by a signed-in account); clears the wrong-PIN count. */
export async function changePin(db: StationDb, id: string, pin: string): Promise<void> {
  const hash = await (await pinHashing()).hashPin((await accessSchemas()).pinSchema.parse(pin));
  await db.transaction('rw', [db.staff, db.auditLog], async () => {
    const row = await db.staff.get(id);
    if (!row) throw new Error(`Staff account ${id} not found`);
    await db.staff.put({ ...row, pin: hash, failures: 0, lastFailureAt: null, updatedAt: toLocalIso(new Date()) });
    await addAudit(db, 'staff.pinChange', 'staff', id, { name: row.name });
  });
}

export type PinCheck =
  | { ok: true; member: StaffMember }
  | { ok: false; reason: 'wrong'; failures: number; retryAt: number | null }
  | { ok: false; reason: 'wait'; retryAt: number }
  | { ok: false; reason: 'unknown' };

/** When the account may try again, or null if it may try now. */
export function retryAt(row: Pick<StaffRow, 'failures' | 'lastFailureAt'>): number | null {
  const delay = pinRetryDelayMs(row.failures);
  if (delay === 0 || !row.lastFailureAt) return null;
  return Date.parse(row.lastFailureAt) + delay;
}

/**
 * Checks a PIN. While the retry delay runs the PIN is not even hashed; a wrong PIN is
 * counted (and audited), a right one clears the count and is audited as a sign-in.
 */
export async function verifyPin(db: StationDb, id: string, pin: string, now: Date = new Date()): Promise<PinCheck> {
  const row = await db.staff.get(id);
  if (!row || !row.active) return { ok: false, reason: 'unknown' };
  const waitUntil = retryAt(row);
  if (waitUntil !== null && waitUntil > now.getTime()) return { ok: false, reason: 'wait', retryAt: waitUntil };
  const matches = PIN_SHAPE.test(pin) && (await (await pinHashing()).pinMatches(pin, row.pin));
  let result: PinCheck = { ok: false, reason: 'unknown' };
  await db.transaction('rw', [db.staff, db.auditLog], async () => {
    const current = await db.staff.get(id);
    if (!current) return;
    if (matches) {
      await db.staff.put({ ...current, failures: 0, lastFailureAt: null });
      await addAudit(db, 'staff.signIn', 'staff', id, { name: current.name });
      result = { ok: true, member: toMember(current) };
    } else {
      const failed = { ...current, failures: current.failures + 1, lastFailureAt: toLocalIso(now) };
      await db.staff.put(failed);
      await addAudit(db, 'staff.signInRefused', 'staff', id, { name: current.name, failures: failed.failures });
      result = { ok: false, reason: 'wrong', failures: failed.failures, retryAt: retryAt(failed) };
    }
  });
  return result;
}

const PIN_SHAPE = /^\d{4,6}$/;

/** The app was locked (the 锁定 button or the idle timer), recorded for the account signed in. */
export async function recordLock(db: StationDb, reason: 'button' | 'idle'): Promise<void> {
  await db.transaction('rw', db.auditLog, () => addAudit(db, 'staff.lock', 'staff', auditActor()?.id ?? '-', { reason }));
}
