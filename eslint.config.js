// Lint: typescript-eslint's recommended rules plus the project's boundaries (DESIGN: rules that
// keep it livable): only main/index.ts and main/electron/** import 'electron' (and the Electron
// preload, which is the other side of the IPC); the renderer never imports main/, node:* or electron;
// preload/contract imports neither (it is shared by both).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnly = {
  paths: [{ name: 'electron', message: "Only main/index.ts and main/electron/** may import 'electron'. Put Node-only code elsewhere in main/." }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', electronOnly],
    },
  },
  {
    files: ['main/index.ts', 'main/electron/**', 'preload/electron-preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the contract (renderer/src/bridge).' }],
          patterns: [
            { regex: '^node:', message: 'The renderer runs in a browser: no node:* modules.' },
            { regex: '^(fs|path|os|child_process|crypto|net|http|https|url|stream|util|events|worker_threads)$', message: 'The renderer runs in a browser: no Node built-ins.' },
            { regex: '(^|/)main(/|$)', message: 'The renderer must not import main/; use the contract in preload/contract.' },
          ],
        },
      ],
    },
  },
  {
    // The contract and the WebSocket frame codec are read by main, the Electron preload and the
    // renderer alike: no runtime of their own.
    files: ['preload/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'preload/contract is runtime-agnostic: no electron.' }],
          patterns: [
            { regex: '^node:', message: 'preload/contract is runtime-agnostic: no node:* modules.' },
            { regex: '^(fs|path|os|child_process|crypto|net|http|https|url|stream|util|events|worker_threads|ws)$', message: 'preload/contract is runtime-agnostic: no Node modules.' },
            { regex: '(^|/)(main|renderer)(/|$)', message: 'preload/contract imports only zod and itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', '*.config.*', 'test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
