/** The closing summary of a duty day, computed from its receptions and issues. */
import { HANDLING_MODES, type HandlingMode } from './enums';
import type { Issue, Reception } from './schemas';

export interface DutyDaySummary {
  receptions: number;
  visitors: number;
  enterprises: number;
  issues: number;
  byHandling: Record<HandlingMode, number>;
  byCategory: { category: string; count: number }[];
}

export function summarizeDutyDay(
  receptions: readonly Pick<Reception, 'visitors'>[],
  issues: readonly Pick<Issue, 'handling' | 'category'>[],
): DutyDaySummary {
  const enterprises = new Set<string>();
  let visitors = 0;
  for (const r of receptions) {
    visitors += r.visitors.length;
    for (const v of r.visitors) {
      const name = v.enterprise.trim();
      if (name) enterprises.add(name);
    }
  }
  const byHandling = Object.fromEntries(HANDLING_MODES.map((m) => [m, 0])) as Record<HandlingMode, number>;
  const byCategory = new Map<string, number>();
  for (const i of issues) {
    byHandling[i.handling] += 1;
    byCategory.set(i.category, (byCategory.get(i.category) ?? 0) + 1);
  }
  return {
    receptions: receptions.length,
    visitors,
    enterprises: enterprises.size,
    issues: issues.length,
    byHandling,
    byCategory: [...byCategory]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'zh-CN')),
  };
}

/** True when fewer deputies than the minimum are on duty: a warning, never a block. */
export function isUnderstaffed(deputyCount: number, minimum: number): boolean {
  return deputyCount < minimum;
}
