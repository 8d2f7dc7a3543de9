import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'tensorflow', include: ['test/**/*.test.ts'], testTimeout: 60000 },
});
