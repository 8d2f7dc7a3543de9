#!/usr/bin/env node
// Writes src/types.ts from the descriptor of the built plug-in, with the
// core's generator (`ws typegen`). Run after the native and @ws/core builds:
//   pnpm --filter @ws/wasi-crypto generate-types
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePluginTypes } from '@ws/core';
import { loadWasiCryptoPlugin } from '../dist/crypto-modules.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(packageDir, 'src', 'types.ts'), generatePluginTypes(loadWasiCryptoPlugin()));
console.log('wrote src/types.ts');
