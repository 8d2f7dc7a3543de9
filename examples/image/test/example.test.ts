// Runs the example exactly as its README says, through the ws CLI with the
// real wasmedge_image plug-in, and compares the whole output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(exampleDir, '..', '..');
const cli = join(repoRoot, 'packages', 'core', 'dist', 'cli', 'main.js');
const guest = join(exampleDir, 'guests', 'build', 'image_info.wasm');
const imageLibrary = join(repoRoot, 'native', 'build', 'plugins', 'libwasmedgePluginWasmEdgeImage.so');

function imageInfo(dataDir: string, file: string) {
  return spawnSync(process.execPath, [cli, 'run', '--plugin-path', imageLibrary, '--dir', `/data:${dataDir}`, guest, `/data/${file}`], {
    encoding: 'utf8',
  });
}

/** The README's expected output, taken from the README itself. */
function readmeOutput(): string {
  const readme = readFileSync(join(exampleDir, 'README.md'), 'utf8');
  const block = /```text\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ```text block');
  return block[1]!;
}

describe('examples/image', () => {
  it('prints the mean colour and the 16x8 rendering of the cat, as in the README', () => {
    const run = imageInfo(join(exampleDir, 'fixtures'), 'chelsea.jpg');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readmeOutput());
  });

  it('a flat red PNG: mean (255, 0, 0), a blank rendering', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-example-image-'));
    // The 30x30 red PNG of WasmEdge's tests (see packages/image/test/fixtures).
    writeFileSync(join(dir, 'red.png'), readFileSync(join(repoRoot, 'packages', 'image', 'test', 'fixtures', 'upstream-red-30x30.png')));
    const run = imageInfo(dir, 'red.png');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`/data/red.png: 158 bytes\nmean colour: 255 0 0 (#ff0000)\n${'|                |\n'.repeat(8)}`);
  });

  it('a file that is not an image: exit code 1 and a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-example-image-'));
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    const run = imageInfo(dir, 'notes.txt');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('image_info: /data/notes.txt is not an image the plug-in can decode');
  });
});
