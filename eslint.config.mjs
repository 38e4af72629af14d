// Lint rules, including the layer boundaries of the architecture as errors.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

// Every renderer file outside src/db: no electron, no Node, no Dexie.
const rendererBase = [
  { group: ['electron', 'node:*', ...nodeBuiltins], message: 'renderer/ talks to main through the bridge only.' },
  { group: ['dexie', 'dexie/*'], message: 'Only renderer/src/db imports Dexie; use the repositories.' },
  { group: ['**/electron/**', '**/county-endpoint/**'], message: 'renderer/ never imports electron/ or the county endpoint.' },
];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'county-endpoint/node_modules/**', 'county-endpoint/data/**', 'county-endpoint/console/dist/**', 'test-results/**', 'playwright-report/**', '**/*.js', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.web.json', './tsconfig.node.json', './county-endpoint/tsconfig.json', './county-endpoint/console/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.mts'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    files: ['renderer/**/*.{ts,tsx}', 'county-endpoint/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // shared/: pure TypeScript — no DOM frameworks, Node, Electron, React or Dexie.
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        { group: ['node:*', ...nodeBuiltins], message: 'shared/ is pure TypeScript: no Node built-ins.' },
        { group: ['electron', 'react', 'react-dom', 'dexie', 'dexie-*'], message: 'shared/ is pure TypeScript.' },
        { group: ['**/renderer/**', '**/electron/**', '**/county-endpoint/**'], message: 'shared/ imports nothing outside shared/.' },
      ],
    ),
  },
  // renderer/: no electron, no Node; only src/db imports Dexie.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/db/**'],
    rules: restrict(rendererBase),
  },
  // Imports run one way: app/ (the composition root) → features/ → ui/, routes.ts, state/, db/.
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: restrict([
      ...rendererBase,
      { group: ['**/app/**', '**/app'], message: 'Features never import app/ (the composition root); shared UI lives in renderer/src/ui.' },
    ]),
  },
  {
    files: ['renderer/src/ui/**/*.{ts,tsx}', 'renderer/src/routes.ts'],
    rules: restrict([
      ...rendererBase,
      { group: ['**/features/**', '**/app/**', '**/app'], message: 'The UI kit sits below the features: it imports neither features/ nor app/.' },
    ]),
  },
  {
    files: ['renderer/src/db/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'node:*', ...nodeBuiltins], message: 'renderer/ talks to main through the bridge only.' },
      { group: ['**/electron/**', '**/county-endpoint/**'], message: 'renderer/ never imports electron/ or the county endpoint.' },
      { group: ['react', 'react-dom'], message: 'The db layer has no UI code.' },
    ]),
  },
  // renderer/src/sync: the outbox engine has no UI code.
  {
    files: ['renderer/src/sync/**/*.ts'],
    rules: restrict([
      { group: ['react', 'react-dom', '**/features/**', '**/app/**'], message: 'The sync engine has no UI code.' },
      { group: ['dexie', 'dexie/*'], message: 'Only renderer/src/db imports Dexie; use the repositories.' },
      { group: ['electron', 'node:*', ...nodeBuiltins], message: 'renderer/ talks to main through the bridge only.' },
    ]),
  },
  // electron/: never imports renderer/.
  {
    files: ['electron/**/*.ts'],
    rules: restrict([{ group: ['**/renderer/**', '**/county-endpoint/**'], message: 'electron/ never imports renderer/.' }]),
  },
  // county-endpoint/console/: a browser app; it imports shared/ and nothing of the station's renderer or the server.
  {
    files: ['county-endpoint/console/**/*.{ts,tsx}'],
    rules: restrict([
      { group: ['node:*', ...nodeBuiltins], message: 'The console runs in the browser: no Node built-ins.' },
      { group: ['**/renderer/**', '**/electron/**', 'electron', 'dexie'], message: "The console shares only shared/ with the station's app." },
      { group: ['**/county-endpoint/src/**', '../../src/**', '../../../src/**'], message: 'The console talks to the server through its API only.' },
    ]),
  },
  // county-endpoint/: imports shared/protocol, and from shared/domain only the pure rules
  // the county applies as the station does (working days, masking for the 公示清单).
  {
    files: ['county-endpoint/**/*.ts'],
    ignores: ['county-endpoint/console/**'],
    rules: restrict([
      { group: ['**/renderer/**', '**/electron/**', 'electron', 'dexie', 'react'], message: 'The county endpoint imports shared/protocol only.' },
      {
        group: ['**/shared/domain/*', '!**/shared/domain/workingDays*', '!**/shared/domain/masking*', '!**/shared/domain/calendars', '**/shared/bridge/**'],
        message: 'The county endpoint imports shared/protocol, working days and masking only.',
      },
    ]),
  },
);
