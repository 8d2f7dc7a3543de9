import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'example-wasi-crypto', include: ['test/**/*.test.ts'], testTimeout: 30000 },
});
