/**
 * What a cold start evaluates before Today shows: the entry's static imports and Today's
 * screen with its own. They must not reach zod (building the schemas of shared/domain,
 * shared/protocol and shared/bridge at load was a measurable part of a start) nor the
 * data layer's writing half (db/index.ts brings the sealing code and those schemas):
 * writes fetch their schemas when they run (renderer/src/db/schemas.ts). Dynamic imports
 * and type-only imports are not followed, as the bundler does not load them at start.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
const START = ['renderer/src/main.tsx', 'renderer/src/features/duty-day/TodayScreen.tsx'];

function resolveImport(from: string, spec: string): string {
  if (!spec.startsWith('.')) return `package:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`Cannot resolve ${spec} from ${relative(repo, from)}`);
}

/** The module specifiers a file loads at evaluation: static, not type-only, not CSS. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs.filter((s) => !s.endsWith('.css'));
}

/** Every module reached, each with the chain of imports that reached it first. */
function startGraph(): Map<string, string[]> {
  const chains = new Map<string, string[]>(START.map((f) => [resolve(repo, f), [f]]));
  const queue = [...chains.keys()];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file.startsWith('package:')) continue;
    for (const spec of staticImports(file)) {
      const target = resolveImport(file, spec);
      if (chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target.startsWith('package:') ? target : relative(repo, target)]);
      queue.push(target);
    }
  }
  return chains;
}

describe('the cold start path', () => {
  const graph = startGraph();
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
