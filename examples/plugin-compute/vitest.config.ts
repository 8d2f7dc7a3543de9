import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-plugin-compute',
    include: ['test/**/*.test.ts'],
    testTimeout: 60000,
  },
});
