import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-plugin-rust',
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
  },
});
