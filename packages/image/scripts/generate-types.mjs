#!/usr/bin/env node
// Writes src/types.ts from the descriptor of the built plug-in:
//   node scripts/generate-types.mjs   (after the native build and @ws/core build)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@ws/core';
import { renderTypes } from './render-types.mjs';
import { resolveImageLibrary } from '../dist/library.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const [plugin] = Plugin.loadFromPath(resolveImageLibrary());
const module = plugin.createModule('wasmedge_image');
const functions = module.listFunctions().map((name) => ({ name, ...module.functionType(name) }));
module.dispose();
writeFileSync(join(packageDir, 'src', 'types.ts'), renderTypes(functions));
console.log(`wrote src/types.ts (${functions.length} functions)`);
