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
  const files = j.testResults ?? [];
  const broken = files.filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0);
  const names = [
    ...broken.map((f) => `${f.name}: ${String(f.message ?? 'failed to load').split('\n')[0]}`),
    ...files.flatMap((f) => (f.assertionResults ?? []).filter((a) => a.status === 'failed').map((a) => `${f.name} > ${a.fullName}`)),
  ];
  return { passed: j.numPassedTests ?? 0, failed: (j.numFailedTests ?? 0) + broken.length, names };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const s = j.stats ?? {};
  const names = (j.errors ?? []).map((e) => String(e.message ?? 'error').split('\n')[0]);
  const walk = (suite, titles, top = false) => {
    const path = suite.title && !top ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) if (t.status === 'unexpected') names.push(`${spec.file}:${spec.line} > ${[...path, spec.title].join(' > ')}`);
    }
    for (const child of suite.suites ?? []) walk(child, path);
  };
  for (const suite of j.suites ?? []) walk(suite, [], true); // a top suite's title is its file
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (j.errors?.length ?? 0), names };
}

function suite(name, command, args, file, counter, opts) {
  rmSync(file, { force: true });
  const ok = run(name, command, args, opts);
  const c = counter(file);
  if (!c) results.push({ name, passed: 0, failed: 1 });
  else results.push({ name, passed: c.passed, failed: c.failed + (ok || c.failed > 0 ? 0 : 1), names: c.names });
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
for (const r of results) {
  console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
  // The failing tests are named here too, so the last lines of a long log say what failed.
  for (const n of r.names ?? []) console.log(`    failed: ${n}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
