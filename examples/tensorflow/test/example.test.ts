// Both face detector guests (WasmEdge 0.13+ ABI and WasmEdge 0.12 ABI) find
// Eileen Collins' face in the NASA photograph, where the wasi-nn example does.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const example = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(variant: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(example, 'scripts', 'run.mjs'), ...variant], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Numbers of a line, e.g. "face 1: score 0.92, box x=178 ..." → [1, 0.92, 178, ...]. */
const numbers = (line: string) => (line.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

function expectTheFace(lines: string[]): void {
  expect(lines[0]).toBe('image: examples/wasi-nn/fixtures/astronaut.jpg (512x512)');
  expect(lines[1]).toBe('faces: 1');
  const [, score, x, y, w, h] = numbers(lines[2]!);
  expect(score).toBeGreaterThanOrEqual(0.9);
  // Reference box x=178 y=81 w=94 h=94; 2 px for other CPUs' float rounding.
  for (const [value, expected] of [[x, 178], [y, 81], [w, 94], [h, 94]] as const) expect(Math.abs(value! - expected)).toBeLessThanOrEqual(2);
}

describe('examples/tensorflow', () => {
  it('face_detect (current wasmedge_tensorflowlite ABI + load_image) finds the face and its keypoints', () => {
    const result = run([]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expectTheFace(lines);
    const keypoints = lines.slice(3, 9);
    expect(keypoints.map((line) => line.trim().split(':')[0])).toEqual(['right eye', 'left eye', 'nose tip', 'mouth', 'right ear', 'left ear']);
    const reference = [[204, 101], [248, 108], [222, 125], [219, 146], [178, 109], [271, 125]];
    keypoints.forEach((line, i) => {
      const [px, py] = numbers(line);
      expect(Math.abs(px! - reference[i]![0]!)).toBeLessThanOrEqual(2);
      expect(Math.abs(py! - reference[i]![1]!)).toBeLessThanOrEqual(2);
    });
  });

  it('face_detect_legacy (wasmedge_tensorflowlite_* and wasmedge_image_load_jpg_to_rgb32f of WasmEdge 0.12) runs unchanged', () => {
    const result = run(['legacy']);
    expect(result.status, result.stderr).toBe(0);
    expectTheFace(result.stdout.trim().split('\n'));
  });
});
