#!/usr/bin/env node
// Writes src/types.ts from the descriptor of the built plug-in:
//   node scripts/generate-types.mjs   (after the native build and @ws/core build)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTypes } from './render-types.mjs';
import { loadImagePlugin } from '../dist/index.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = loadImagePlugin();
const module = plugin.createModule('wasmedge_image');
const functions = module.listFunctions().map((name) => ({ name, ...module.functionType(name) }));
module.dispose();
writeFileSync(join(packageDir, 'src', 'types.ts'), renderTypes(functions));
console.log(`wrote src/types.ts (${functions.length} functions)`);
