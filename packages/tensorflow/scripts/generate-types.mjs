#!/usr/bin/env node
// Writes src/types.ts from the descriptors of the built plug-ins:
//   node scripts/generate-types.mjs   (after the native build and this package's tsc)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTypes } from './render-types.mjs';
import { createTensorflowLiteModule, createTensorflowModule } from '../dist/modules.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const describe = (module) => {
  const functions = module.listFunctions().map((name) => ({ name, ...module.functionType(name) }));
  module.dispose();
  return functions;
};
const modules = { tensorflowlite: describe(createTensorflowLiteModule()), tensorflow: describe(createTensorflowModule()) };
writeFileSync(join(packageDir, 'src', 'types.ts'), renderTypes(modules));
console.log(`wrote src/types.ts (${modules.tensorflowlite.length} + ${modules.tensorflow.length} functions)`);
