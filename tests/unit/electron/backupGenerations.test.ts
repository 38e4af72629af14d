/** The generation rule keeps the newest backup of each of the last 7 days, 4 ISO weeks and 12 months, and touches nothing else. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autoBackupName } from '../../../shared/bridge/backup';
import { backupsToPrune, GENERATIONS } from '../../../electron/main/services/backupGenerations';

const day = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h, 0, 0);

describe('automatic backup generations', () => {
  it('keeps one a day for a week, then one a week, then one a month', () => {
    // Two backups a day (morning daily, evening duty-day close) for 400 days.
    const names: string[] = [];
    for (let i = 0; i < 400; i++) {
      const d = day(2025, 11, 1);
      d.setDate(d.getDate() + i);
      names.push(autoBackupName(d, 'daily'));
      d.setHours(18);
      names.push(autoBackupName(d, 'dutyDayClosed'));
    }
    const pruned = new Set(backupsToPrune(names));
    const kept = names.filter((n) => !pruned.has(n)).sort().reverse();
    // The newest 7 days: only each day's evening backup.
    expect(kept.slice(0, 7).every((n) => n.endsWith('-dutyDayClosed.sdbackup'))).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(GENERATIONS.daily + GENERATIONS.weekly + GENERATIONS.monthly);
    expect(kept.length).toBeGreaterThanOrEqual(12);
    // The last backup is of 2026-12-05; 12 monthly generations reach back to January 2026.
    expect(kept[0]!.slice(15, 23)).toBe('20261205');
    expect(kept.at(-1)!.slice(15, 21)).toBe('202601');
    // Within a month that is neither recent day nor recent week, exactly one backup is kept.
    expect(kept.filter((n) => n.slice(15, 21) === '202606')).toHaveLength(1);
  });

  it('never prunes files that are not automatic backups, and never the newest', () => {
    fc.assert(
      fc.property(fc.array(fc.date({ min: day(2024, 1, 1), max: day(2027, 1, 1), noInvalidDate: true }), { minLength: 1, maxLength: 60 }), (dates) => {
        const names = [...dates.map((d) => autoBackupName(d, 'daily')), '联络站备份-2026-01-01-0900.sdbackup', 'notes.txt'];
        const pruned = backupsToPrune(names);
        const newest = dates.map((d) => autoBackupName(d, 'daily')).sort().at(-1)!;
        expect(pruned).not.toContain(newest);
        expect(pruned).not.toContain('notes.txt');
        expect(pruned).not.toContain('联络站备份-2026-01-01-0900.sdbackup');
        expect(new Set(names).size - new Set(pruned).size).toBeLessThanOrEqual(GENERATIONS.daily + GENERATIONS.weekly + GENERATIONS.monthly);
      }),
    );
  });
});
