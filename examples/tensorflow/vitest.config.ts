import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'example-tensorflow', include: ['test/**/*.test.ts'], testTimeout: 60000 } });
