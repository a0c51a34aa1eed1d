// Lint: typescript-eslint's recommended rules plus the project's boundaries (DESIGN: rules that
// keep it livable): only main/index.ts and main/electron/** import 'electron' (and the Electron
// preload, which is the other side of the IPC); the renderer never imports main/, node:* or electron;
// preload/contract imports neither (it is shared by both); main's folders import only downward
// (eslint-rules/main-layers.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import mainLayers from './eslint-rules/main-layers.js';

const electronOnly = {
  paths: [{ name: 'electron', message: "Only main/index.ts and main/electron/** may import 'electron'. Put Node-only code elsewhere in main/." }],
};

/** Code that runs in no particular runtime of its own: no electron, no Node modules, not these layers. */
function noRuntime({ electron, node, layers }) {
  return [
    'error',
    {
      paths: [{ name: 'electron', message: electron }],
      patterns: [
        { regex: '^node:', message: node },
        { regex: '^(fs|path|os|child_process|crypto|net|http|https|url|stream|util|events|worker_threads|ws)$', message: node },
        layers,
      ],
    },
  ];
}

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
    files: ['main/**/*.ts'],
    plugins: { layers: { rules: { 'main-layers': mainLayers } } },
    rules: { 'layers/main-layers': 'error' },
  },
  {
    files: ['main/index.ts', 'main/electron/**', 'preload/electron-preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': noRuntime({
        electron: 'The renderer talks to main only through the contract (renderer/src/bridge).',
        node: 'The renderer runs in a browser: no node:* modules or Node built-ins.',
        layers: { regex: '(^|/)main(/|$)', message: 'The renderer must not import main/; use the contract in preload/contract.' },
      }),
    },
  },
  {
    // The contract and the WebSocket frame codec are read by main, the Electron preload and the
    // renderer alike: no runtime of their own.
    files: ['preload/contract/**'],
    rules: {
      'no-restricted-imports': noRuntime({
        electron: 'preload/contract is runtime-agnostic: no electron.',
        node: 'preload/contract is runtime-agnostic: no node:* or Node modules.',
        layers: { regex: '(^|/)(main|renderer)(/|$)', message: 'preload/contract imports only zod and itself.' },
      }),
    },
  },
  {
    files: ['scripts/**', '*.config.*', 'test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
