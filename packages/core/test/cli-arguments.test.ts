import { describe, expect, it } from 'vitest';
import { allStrings, parseArguments, type ParseSettings } from '../src/cli/arguments.js';

const run: ParseSettings = {
  command: 'run',
  stopAtPositional: true,
  options: {
    dir: { type: 'string' },
    verbose: { type: 'boolean' },
    greeting: { type: 'string', valueOptional: true, emptyAllowed: true },
  },
};

describe('parseArguments', () => {
  it('stops at the first positional: the rest is never parsed', () => {
    const argv = ['--dir', '.:.', '--verbose', 'app.wasm', '--help', '--nope', '-x'];
    const parsed = parseArguments(argv, run);
    expect(parsed.help).toBe(false);
    expect(parsed.stopIndex).toBe(3);
    expect(allStrings(parsed, 'dir')).toEqual(['.:.']);
    expect(parsed.values.get('verbose')).toEqual([true]);
    expect(parsed.lastSeparateValue).toEqual({ name: 'dir', value: '.:.' });
  });

  it('-- ends the options', () => {
    expect(parseArguments(['--verbose', '--', '-app.wasm'], run).stopIndex).toBe(2);
    expect(parseArguments(['--verbose', '--'], run).stopIndex).toBe(2);
  });

  it('a value left out: null when optional, else an error; never the next option', () => {
    const parsed = parseArguments(['--greeting', '--verbose=false', 'app.wasm'], run);
    expect(parsed.values.get('greeting')).toEqual([null]);
    expect(parsed.values.get('verbose')).toEqual([false]);
    expect(parseArguments(['--greeting=', 'a.wasm'], run).values.get('greeting')).toEqual(['']);
    expect(() => parseArguments(['--dir', '--verbose', 'app.wasm'], run)).toThrow('--dir needs a value.');
    expect(() => parseArguments(['--dir=', 'app.wasm'], run)).toThrow('--dir needs a value.');
    expect(() => parseArguments(['--dir'], run)).toThrow('--dir needs a value.');
  });

  it('help wins, even over unknown options', () => {
    expect(parseArguments(['--nope', '-h'], run).help).toBe(true);
    expect(parseArguments(['app.wasm', '--help'], run).help).toBe(false);
  });

  it('unknown options: named as written, with a suggestion from the table and the extra names', () => {
    expect(() => parseArguments(['--dri', 'x'], run)).toThrow('unknown option --dri. Did you mean --dir? Run ws run --help for the options.');
    expect(() => parseArguments(['--alow-command', 'x'], { ...run, suggestions: ['allow-command'] })).toThrow('Did you mean --allow-command?');
    expect(() => parseArguments(['-vx'], run)).toThrow('unknown option -vx: options start with two dashes (--name). Run ws run --help for the options, or put -- before a guest file');
    expect(() => parseArguments(['--mine'], { ...run, unknownOption: (name) => new Error(`own ${name}`) })).toThrow('own mine');
  });

  it('positionals anywhere without stopAtPositional', () => {
    const parsed = parseArguments(['name', '--dir', 'd', 'other'], { command: 'new-plugin', options: { dir: { type: 'string' } } });
    expect(parsed.positionals).toEqual(['name', 'other']);
    expect(allStrings(parsed, 'dir')).toEqual(['d']);
  });
});
