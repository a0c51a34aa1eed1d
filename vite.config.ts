// Vite builds the renderer only; main and preload are bundled by esbuild (scripts/build.mjs).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Off: scripts/build.mjs turns maps on for development builds only (issue 12 §1).
    sourcemap: false,
    target: 'chrome120',
    // No inline scripts or styles: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
