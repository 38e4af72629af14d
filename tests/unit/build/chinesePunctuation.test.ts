/**
 * Chinese sentences take Chinese punctuation. Every string, template and JSX text of the
 * station app, the county endpoint and its console is read with the TypeScript parser; an
 * ASCII comma, semicolon, question or exclamation mark or opening bracket right after a
 * Chinese character, or a colon right after one and not followed by a space (so "督察结果:
 * totals" in an English log line passes), is reported with its file and line. The county
 * CLI prints for a terminal and is not checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repo, sources } from './importGraph';

const ROOTS = ['renderer/src', 'shared', 'electron', 'county-endpoint/src', 'county-endpoint/console/src'];
const SKIP = ['county-endpoint/src/cli/'];
const WRONG = /[\u3400-\u9fff](?:[,;?!(]|:(?! ))/;

function offences(file: string): string[] {
  const text = readFileSync(join(repo, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const check = (node: ts.Node, value: string) => {
    const hit = WRONG.exec(value);
    if (hit) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: …${value.slice(Math.max(0, hit.index - 8), hit.index + 10)}…`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) check(node, node.text);
    else if (ts.isJsxText(node)) check(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('Chinese punctuation', () => {
  const files = ROOTS.flatMap(sources).filter((f) => !SKIP.some((s) => f.startsWith(s)));

  it('is checked in the station app, the county endpoint and its console', () => {
    for (const f of ['renderer/src/features/sync/strings.ts', 'county-endpoint/console/src/strings.ts', 'shared/protocol/errors.ts']) expect(files).toContain(f);
  });

  it('is used in every Chinese sentence', () => {
    expect(files.flatMap(offences)).toEqual([]);
  });

  it('would report ASCII punctuation in a Chinese sentence', () => {
    for (const wrong of ['请在设置中填写,谢谢', '当前:王丽芬', '确定吗?', '所属县(区)']) expect(WRONG.test(wrong), wrong).toBe(true);
    for (const right of ['请在设置中填写，谢谢', '当前：王丽芬', '确定吗？', '所属县（区）', '督察结果: totals', 'A4 (landscape)']) expect(WRONG.test(right), right).toBe(false);
  });
});
