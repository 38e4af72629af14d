/**
 * What a cold start evaluates before Today shows: the entry's static imports and Today's
 * screen with its own. They must not reach zod (building the schemas of shared/domain,
 * shared/protocol and shared/bridge at load was a measurable part of a start) nor the
 * data layer's writing half (db/index.ts brings the sealing code and those schemas):
 * writes fetch their schemas when they run (renderer/src/db/schemas.ts). Dynamic imports
 * and type-only imports are not followed, as the bundler does not load them at start.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staticClosure } from './importGraph';

const START = ['renderer/src/main.tsx', 'renderer/src/features/duty-day/TodayScreen.tsx'];

describe('the cold start path', () => {
  const graph = staticClosure(START);
  const reached = (what: string) => [...graph.entries()].filter(([id]) => id === what || id.endsWith(what)).map(([, chain]) => chain.join(' → '));

  it('is found by the walk (the entry, the shell, the data layer part a start needs, Today)', () => {
    for (const f of ['renderer/src/app/Shell.tsx', 'renderer/src/db/startup.ts', 'renderer/src/features/follow-up/TodoPanel.tsx']) expect(reached(f)).toHaveLength(1);
    expect(reached('package:react')).toHaveLength(1);
    expect(reached('package:dexie')).toHaveLength(1);
  });

  it('does not load zod or any module that builds zod schemas', () => {
    expect(reached('package:zod')).toEqual([]);
    const buildsSchemas = [...graph.keys()].filter((id) => !id.startsWith('package:') && /from 'zod'/.test(readFileSync(id, 'utf8').replace(/import type \{[^}]*\} from 'zod'/g, '')));
    expect(buildsSchemas.map((id) => graph.get(id)!.join(' → '))).toEqual([]);
  });

  it("does not load the data layer's writing half", () => {
    expect(reached('renderer/src/db/index.ts')).toEqual([]);
  });
});
