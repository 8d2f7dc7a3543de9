#!/usr/bin/env node
// Writes the GGUF test models (scripts/tiny-llama.mjs) into test-models/build/:
// story.gguf (the deterministic story model), story-ctx16.gguf (the same with
// a 16-token training context), bench.gguf (random weights, for the
// benchmark) and corrupt.gguf (a truncated file). No network.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchModel, storyModel } from './tiny-llama.mjs';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-models', 'build');
mkdirSync(outDir, { recursive: true });
const story = storyModel();
writeFileSync(join(outDir, 'story.gguf'), story);
writeFileSync(join(outDir, 'corrupt.gguf'), story.subarray(0, 600));
writeFileSync(join(outDir, 'bench.gguf'), benchModel());
console.log(`[ws] wrote GGUF test models to ${outDir}`);
