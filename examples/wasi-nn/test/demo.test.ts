// The demo prints the right answer: one face, where Eileen Collins' face is.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function runDemo(): string {
  return execFileSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Numbers of a line, e.g. "face 1: score 0.92, box x=178 ..." → [1, 0.92, 178, ...]. */
const numbers = (line: string) => (line.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('examples/wasi-nn demo', () => {
  it('finds exactly one face, with its box and keypoints on the face', () => {
    const lines = runDemo().trim().split('\n');
    const start = lines.findIndex((line) => line.startsWith('image: '));
    expect(lines[start]).toBe('image: examples/wasi-nn/fixtures/astronaut.jpg (512x512)');
    expect(lines[start + 1]).toBe('faces: 1');
    const [, score, x, y, w, h] = numbers(lines[start + 2]!);
    expect(score).toBeGreaterThanOrEqual(0.9);
    // Reference box: x=178 y=81 w=94 h=94; allow 2 px for other CPUs' float rounding.
    for (const [value, expected] of [[x, 178], [y, 81], [w, 94], [h, 94]] as const) expect(Math.abs(value! - expected)).toBeLessThanOrEqual(2);
    const keypoints = lines.slice(start + 3, start + 9);
    expect(keypoints.map((line) => line.trim().split(':')[0])).toEqual(['right eye', 'left eye', 'nose tip', 'mouth', 'right ear', 'left ear']);
    const reference = [[204, 101], [248, 108], [222, 125], [219, 146], [178, 109], [271, 125]];
    keypoints.forEach((line, i) => {
      const [px, py] = numbers(line);
      expect(Math.abs(px! - reference[i]![0]!)).toBeLessThanOrEqual(2);
      expect(Math.abs(py! - reference[i]![1]!)).toBeLessThanOrEqual(2);
    });
  });
});
