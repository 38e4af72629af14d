/** The names the 公示清单 masks: every visitor name of the history, read in pages (printQueries.ts). */
import { describe, expect, it } from 'vitest';
import { knownVisitorNames, NAMES_PAGE } from '../../../renderer/src/db/repositories/printQueries';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { sampleReception, seededDb } from '../../fixtures/db';

describe('knownVisitorNames', () => {
  it('is empty on a new station', async () => {
    const { db } = await seededDb();
    expect(await knownVisitorNames(db)).toEqual([]);
  });

  it('collects every distinct trimmed name across more than two pages, skipping blanks', async () => {
    const { db, deputyIds } = await seededDb();
    const saved = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const template = (await db.receptions.get(saved.reception.id))!;
    const count = NAMES_PAGE * 2 + 17;
    const rows = Array.from({ length: count }, (_, i) => ({
      ...template,
      id: `${template.id.slice(0, 24)}${String(i).padStart(12, '0')}`,
      visitors: [
        { ...template.visitors[0]!, name: ` 访客${i % 3000} ` },
        { ...template.visitors[0]!, name: i % 2 === 0 ? '   ' : `同行${i % 7}` },
      ],
    }));
    await db.receptions.bulkPut(rows);
    const names = await knownVisitorNames(db);
    const expected = new Set([...template.visitors.map((v) => v.name.trim()).filter(Boolean), ...rows.flatMap((r) => r.visitors.map((v) => v.name.trim()).filter(Boolean))]);
    expect(new Set(names)).toEqual(expected);
    expect(names).toHaveLength(expected.size);
    expect(names).not.toContain('');
  });
});
