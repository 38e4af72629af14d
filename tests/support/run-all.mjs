// Runs the whole test suite — type-check, lint, unit and integration tests, the county
// endpoint's suites, end-to-end tests — keeps going past a failing step so every result
// is counted, and ends with the line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const results = [];

function run(name, command, args, opts = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', shell: false, ...opts });
  return r.status === 0;
}

function check(name, command, args, opts) {
  const ok = run(name, command, args, opts);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  // A file that fails before running any test (an import error) counts once; a failed test counts once, not again for its describe.
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  return { passed: j.numPassedTests ?? 0, failed: (j.numFailedTests ?? 0) + brokenFiles };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const s = j.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (j.errors?.length ?? 0) };
}

function suite(name, command, args, file, counter, opts) {
  rmSync(file, { force: true });
  const ok = run(name, command, args, opts);
  const c = counter(file);
  if (!c) results.push({ name, passed: 0, failed: 1 });
  else results.push({ name, passed: c.passed, failed: c.failed + (ok || c.failed > 0 ? 0 : 1) });
}

const npm = 'npm';
check('system packages', 'bash', ['tests/support/ensure-system-deps.sh']);
if (!existsSync('county-endpoint/node_modules')) check('county endpoint install', npm, ['ci', '--prefix', 'county-endpoint', '--no-audit', '--no-fund']);
check('typecheck', npm, ['run', 'typecheck']);
check('lint', npm, ['run', 'lint']);
suite('unit and integration', 'npx', ['vitest', 'run'], 'test-results/vitest.json', vitestCounts);
if (existsSync('county-endpoint/package.json')) {
  suite('county endpoint', npm, ['test', '--prefix', 'county-endpoint'], 'county-endpoint/test-results/vitest.json', vitestCounts);
}
suite('end-to-end', 'npx', ['playwright', 'test'], 'test-results/playwright.json', playwrightCounts);

console.log('\nSummary:');
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
