/** Station settings, deputies roster and the editable category / department lists. */
import type { Table } from 'dexie';
import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS } from '../../../../shared/domain/defaults';
import { newId } from '../../../../shared/domain/ids';
import type { Deputy, DeputyInput, ListEntry, StationSettings, StationSettingsInput } from '../../../../shared/domain/schemas';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StationDb } from '../database';
import { domainSchemas } from '../schemas';
import { addAudit } from './audit';

export type ListKind = 'categories' | 'departments';

export async function getStation(db: StationDb): Promise<StationSettings | undefined> {
  return (await db.settings.get('station'))?.value;
}

function toEntries(names: readonly string[]): ListEntry[] {
  return names.map((name, order) => ({ id: newId(), name, order, active: true }));
}

/** First run: the station, its roster and the default lists, in one transaction. */
export async function setupStation(
  db: StationDb,
  input: StationSettingsInput,
  deputies: DeputyInput[],
): Promise<StationSettings> {
  const { deputyInputSchema, stationSettingsInputSchema } = await domainSchemas();
  const settings = stationSettingsInputSchema.parse(input);
  const roster: Deputy[] = deputies.map((d, order) => ({ ...deputyInputSchema.parse(d), id: newId(), active: true, order }));
  const now = toLocalIso(new Date());
  const station: StationSettings = { ...settings, stationId: newId(), createdAt: now, updatedAt: now };
  await db.transaction('rw', [db.settings, db.deputies, db.categories, db.departments, db.auditLog], async () => {
    if (await db.settings.get('station')) throw new Error('Station is already set up');
    await db.settings.put({ key: 'station', value: station });
    await db.deputies.bulkAdd(roster);
    if ((await db.categories.count()) === 0) await db.categories.bulkAdd(toEntries(DEFAULT_CATEGORIES));
    if ((await db.departments.count()) === 0) await db.departments.bulkAdd(toEntries(DEFAULT_DEPARTMENTS));
    await addAudit(db, 'station.setup', 'station', station.stationId, { deputies: roster.length });
  });
  return station;
}

export async function updateStation(db: StationDb, input: StationSettingsInput): Promise<StationSettings> {
  const settings = (await domainSchemas()).stationSettingsInputSchema.parse(input);
  let updated: StationSettings | undefined;
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const current = (await db.settings.get('station'))?.value;
    if (!current) throw new Error('Station is not set up');
    updated = { ...current, ...settings, updatedAt: toLocalIso(new Date()) };
    await db.settings.put({ key: 'station', value: updated });
    await addAudit(db, 'station.update', 'station', current.stationId, {});
  });
  return updated!;
}

export function listDeputies(db: StationDb, includeInactive = false): Promise<Deputy[]> {
  return db.deputies
    .orderBy('order')
    .filter((d) => includeInactive || d.active)
    .toArray();
}

export async function addDeputy(db: StationDb, input: DeputyInput): Promise<Deputy> {
  const parsed = (await domainSchemas()).deputyInputSchema.parse(input);
  let deputy: Deputy | undefined;
  await db.transaction('rw', [db.deputies, db.auditLog], async () => {
    const order = (await db.deputies.count()) + 1;
    deputy = { ...parsed, id: newId(), active: true, order };
    await db.deputies.add(deputy);
    await addAudit(db, 'deputy.add', 'deputy', deputy.id, { name: deputy.name });
  });
  return deputy!;
}

export async function updateDeputy(
  db: StationDb,
  id: string,
  patch: Partial<DeputyInput> & { active?: boolean },
): Promise<void> {
  const { deputyInputSchema } = await domainSchemas();
  await db.transaction('rw', [db.deputies, db.auditLog], async () => {
    const current = await db.deputies.get(id);
    if (!current) throw new Error(`Deputy ${id} not found`);
    const next = { ...current, ...deputyInputSchema.parse({ ...current, ...patch }), active: patch.active ?? current.active };
    await db.deputies.put(next);
    await addAudit(db, 'deputy.update', 'deputy', id, { active: next.active });
  });
}

export function listEntries(db: StationDb, kind: ListKind, includeInactive = false): Promise<ListEntry[]> {
  return db[kind]
    .orderBy('order')
    .filter((e) => includeInactive || e.active)
    .toArray();
}

export async function addEntry(db: StationDb, kind: ListKind, name: string): Promise<ListEntry> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 30) throw new Error('List entry name must be 1–30 characters');
  let entry: ListEntry | undefined;
  await db.transaction('rw', [db[kind], db.auditLog], async () => {
    const all = await db[kind].toArray();
    if (all.some((e) => e.name === trimmed)) throw new Error(`"${trimmed}" already exists in ${kind}`);
    entry = { id: newId(), name: trimmed, order: all.length, active: true };
    await db[kind].add(entry);
    await addAudit(db, 'list.add', kind, entry.id, { name: trimmed });
  });
  return entry!;
}

export async function updateEntry(
  db: StationDb,
  kind: ListKind,
  id: string,
  patch: { name?: string; active?: boolean; order?: number },
): Promise<void> {
  await db.transaction('rw', [db[kind], db.auditLog], async () => {
    const current = await db[kind].get(id);
    if (!current) throw new Error(`Entry ${id} not found in ${kind}`);
    const name = patch.name?.trim() ?? current.name;
    if (!name || name.length > 30) throw new Error('List entry name must be 1–30 characters');
    if (name !== current.name && (await db[kind].toArray()).some((e) => e.id !== id && e.name === name)) {
      throw new Error(`"${name}" already exists in ${kind}`);
    }
    await db[kind].put({ ...current, ...patch, name });
    await addAudit(db, 'list.update', kind, id, { ...patch });
  });
}

/**
 * Moves an entry one place up or down in the full list (inactive entries included, so
 * the order the settings screen shows is the order stored), renumbering 0..n-1 in one
 * transaction. Moving the first entry up or the last down changes nothing.
 */
export async function moveEntry(db: StationDb, kind: ListKind, id: string, direction: 'up' | 'down'): Promise<void> {
  await db.transaction('rw', [db[kind], db.auditLog], async () => {
    const to = await swapWithNeighbour(db[kind], id, direction);
    if (to !== null) await addAudit(db, 'list.update', kind, id, { moved: direction, order: to });
  });
}

/**
 * Moves a deputy one place up or down in the roster (inactive ones included, as the
 * settings screen shows them): the order of the duty-day tick list and of printed names.
 */
export async function moveDeputy(db: StationDb, id: string, direction: 'up' | 'down'): Promise<void> {
  await db.transaction('rw', [db.deputies, db.auditLog], async () => {
    const to = await swapWithNeighbour(db.deputies, id, direction);
    if (to !== null) await addAudit(db, 'deputy.update', 'deputy', id, { moved: direction, order: to });
  });
}

/** Swaps a row with its neighbour in `order` and renumbers 0..n-1; returns its new place, or null at either end. */
async function swapWithNeighbour<T extends { id: string; order: number }>(table: Table<T, string>, id: string, direction: 'up' | 'down'): Promise<number | null> {
  const all = await table.orderBy('order').toArray();
  const from = all.findIndex((e) => e.id === id);
  if (from < 0) throw new Error(`${table.name} row ${id} not found`);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= all.length) return null;
  [all[from], all[to]] = [all[to]!, all[from]!];
  await table.bulkPut(all.map((e, order) => ({ ...e, order })));
  return to;
}
