/**
 * Which automatic backups to keep: the newest of each of the last 7 days, of each of the
 * last 4 ISO weeks and of each of the last 12 months that have a backup (grandfather-
 * father-son). Pure, so the rule is tested on names alone.
 */
import { AUTO_BACKUP_NAME, isAutoBackupName } from '../../../shared/bridge/backup';

export { isAutoBackupName };

export const GENERATIONS = { daily: 7, weekly: 4, monthly: 12 } as const;

function stampOf(name: string): Date | null {
  const m = AUTO_BACKUP_NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, s);
}

function isoWeekKey(d: Date): string {
  const t = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const day = (t.getDay() + 6) % 7; // Monday 0
  t.setDate(t.getDate() - day + 3); // Thursday of this week decides the year
  const dayOfYear = Math.round((t.getTime() - new Date(t.getFullYear(), 0, 1).getTime()) / 86_400_000);
  return `${t.getFullYear()}-W${Math.floor(dayOfYear / 7) + 1}`;
}

/** Names of automatic backups to delete; names that are not automatic backups are never listed. */
export function backupsToPrune(names: readonly string[]): string[] {
  const dated = names
    .map((name) => ({ name, at: stampOf(name) }))
    .filter((x): x is { name: string; at: Date } => x.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const bucket = (key: (d: Date) => string, limit: number) => {
    const seen = new Set<string>();
    for (const { name, at } of dated) {
      const k = key(at);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(name);
    }
  };
  bucket((d) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`, GENERATIONS.daily);
  bucket(isoWeekKey, GENERATIONS.weekly);
  bucket((d) => `${d.getFullYear()}-${d.getMonth()}`, GENERATIONS.monthly);
  return dated.filter((x) => !keep.has(x.name)).map((x) => x.name);
}
