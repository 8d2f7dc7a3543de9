#!/usr/bin/env node
// Writes the example's tiny GGUF model (the story model of @ws/wasi-nn-ggml)
// into build/story.gguf.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storyModel } from '../../../packages/wasi-nn-ggml/scripts/tiny-llama.mjs';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'story.gguf'), storyModel());
