import { describe, expect, it } from 'vitest';
import { closestName, dashedName, editDistance } from '../src/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['json', 'json', 0],
    ['jsn', 'json', 1],
    ['josn', 'json', 1],
    ['allow-comand', 'allow-command', 1],
    ['alow-comand', 'allow-command', 2],
    ['kitten', 'sitting', 3],
    ['', 'dir', 3],
    ['ab', 'ba', 1],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('dashedName', () => {
  it.each([
    ['allowCommand', 'allow-command'],
    ['allow_command', 'allow-command'],
    ['ALLOW_COMMAND', 'allow-command'],
    ['nnPreload', 'nn-preload'],
    ['image-f32-gamma', 'image-f32-gamma'],
    ['processTimeoutMs', 'process-timeout-ms'],
  ])('%s → %s', (name, dashed) => {
    expect(dashedName(name)).toBe(dashed);
  });
});

describe('closestName', () => {
  const options = ['dir', 'env', 'plugin-path', 'forbidden-plugin', 'allow-command', 'allow-command-all', 'json'];

  it('the same name written with dashes first', () => {
    expect(closestName('allowCommand', options)).toBe('allow-command');
    expect(closestName('allow_command_all', options)).toBe('allow-command-all');
  });

  it('the closest within two edits; ties go to the first candidate', () => {
    expect(closestName('allow-comand', options)).toBe('allow-command');
    expect(closestName('jsn', options)).toBe('json');
    expect(closestName('plugin-pth', options)).toBe('plugin-path');
    expect(closestName('ab', ['ax', 'ay'])).toBe('ax');
  });

  it('a name the misspelling begins', () => {
    expect(closestName('forbid', options)).toBe('forbidden-plugin');
    expect(closestName('plug', options)).toBe('plugin-path');
  });

  it('nothing when nothing is close, or for a name itself', () => {
    expect(closestName('no-such-option', options)).toBeUndefined();
    expect(closestName('x', options)).toBeUndefined();
    // Two edits turn any two-letter name into another: not a suggestion.
    expect(closestName('ab', ['cd'])).toBeUndefined();
    expect(closestName('dir', options)).toBeUndefined();
    expect(closestName('jsn', [])).toBeUndefined();
  });
});
