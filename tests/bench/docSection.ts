/**
 * Rewrites one "## " section of docs/benchmarks.md and leaves every other section
 * (other benchmarks are written by their own runs) exactly as it was.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function replaceSection(document: string, heading: string, body: string): string {
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = document.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start === -1) return `${document.trimEnd()}${document.trim() ? '\n\n' : ''}${section}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
}

export function writeSection(file: string, heading: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  writeFileSync(file, replaceSection(current, heading, body));
}
