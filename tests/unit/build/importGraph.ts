/**
 * The renderer's import graph as the bundler sees it, read with the TypeScript parser:
 * the static imports a module evaluates (not type-only, not CSS) and the modules its
 * `import()` calls fetch later. Packages are named `package:<name>`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const repo = resolve(import.meta.dirname, '../../..');

export function resolveImport(from: string, spec: string): string {
  if (!spec.startsWith('.')) return `package:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`Cannot resolve ${spec} from ${relative(repo, from)}`);
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The module specifiers a file loads at evaluation: static, not type-only, not CSS. */
export function staticImports(file: string): string[] {
  const specs: string[] = [];
  for (const node of parse(file).statements) {
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

/** The specifiers of a file's `import('…')` calls (a non-literal specifier is an error). */
export function dynamicImports(file: string): string[] {
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (!arg || !ts.isStringLiteralLike(arg)) throw new Error(`A dynamic import without a literal specifier in ${relative(repo, file)}`);
      specs.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return specs;
}

const id = (f: string) => (f.startsWith('package:') ? f : resolve(repo, f));
const label = (f: string) => (f.startsWith('package:') ? f : relative(repo, f));

/** Every module the roots (paths from the repository, or `package:` names) evaluate through static imports, each with the chain that reached it first. */
export function staticClosure(roots: string[]): Map<string, string[]> {
  const chains = new Map<string, string[]>(roots.map((f) => [id(f), [label(id(f))]]));
  const queue = [...chains.keys()];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file.startsWith('package:')) continue;
    for (const spec of staticImports(file)) {
      const target = resolveImport(file, spec);
      if (chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, label(target)]);
      queue.push(target);
    }
  }
  return chains;
}

/** The TypeScript sources under a folder of the repository (paths from the repository; node_modules skipped). */
export function sources(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}
