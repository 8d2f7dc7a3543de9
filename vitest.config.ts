import { defineConfig } from 'vitest/config';

// One vitest run covers every package, example and the cross-package tests;
// each folder below has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*', 'test'],
  },
});
