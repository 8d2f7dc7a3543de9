import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'example-image', include: ['test/**/*.test.ts'], testTimeout: 30000 },
});
