// src/types.ts is generated from the plug-in's descriptor: it must match.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImageModule } from '../src/image-module.js';
// @ts-expect-error plain JS module without declarations
import { renderTypes } from '../scripts/render-types.mjs';
import { packageDir } from './helpers.js';

describe('generated host function types', () => {
  it('src/types.ts is what scripts/generate-types.mjs writes for the built plug-in', () => {
    const module = createImageModule();
    const functions = module.listFunctions().map((name) => ({ name, ...module.functionType(name)! }));
    module.dispose();
    expect(readFileSync(join(packageDir, 'src', 'types.ts'), 'utf8')).toBe(renderTypes(functions));
  });
});
