import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'process', include: ['test/**/*.test.ts'], testTimeout: 30000 },
});
