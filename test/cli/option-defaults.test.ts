// What a plug-in sees for each program option type when the option is absent, given without a
// value, or given a value (native/test-plugins/ws_option_defaults: every type, a static initial
// value in Storage and a different DefaultValue; guest test/guests/option_defaults.wat prints what
// Create read). WasmEdge applies DefaultValue only as the implicit value of a flag given without a
// value; an absent option leaves Storage untouched. Checked against the real wasmedge 0.17.
import { spawnSync } from 'node:child_process';
import { Plugin, type HostModule } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { fixtureDir, guest, runCli } from '../helpers/paths.js';
import { haveRealWasmedge, realWasmedge } from '../helpers/real-wasmedge.js';

const plugin = fixtureDir('ws_option_defaults');
const reporter = guest('option_defaults');
const types = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float', 'double', 'string'];

const initialValues = 'toggle=0 int8=-8 int16=-16 int32=-32 int64=-64 uint8=200 uint16=1600 uint32=3200 uint64=6400 float=0.5 double=0.25 string=static\n';
const defaultValues = 'toggle=1 int8=8 int16=16 int32=32 int64=64 uint8=18 uint16=116 uint32=132 uint64=164 float=1.5 double=2.25 string=implicit\n';
// Every option followed by another option takes its DefaultValue; the toggle comes last (an option
// expecting a value would take the guest's path as its value).
const allWithoutValues = [...types.map((type) => `--defaults-${type}`), '--defaults-toggle'];
const someValues = ['--defaults-int8=5', '--defaults-uint64', '7', '--defaults-string=x'];
const someValuesSeen = 'toggle=0 int8=5 int16=-16 int32=-32 int64=-64 uint8=200 uint16=1600 uint32=3200 uint64=7 float=0.5 double=0.25 string=x\n';

const rows: [string, string[], string][] = [
  ['absent: the initial value of every type (DefaultValue is not applied)', [], initialValues],
  ['given without a value: DefaultValue of every type; a toggle becomes true', allWithoutValues, defaultValues],
  ['given values: those; the others keep their initial values', someValues, someValuesSeen],
];

describe('program option defaults under ws run', () => {
  it.each(rows)('%s', (_title, options, expected) => {
    const result = runCli(['run', '--plugin-path', plugin, ...options, reporter]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
    expect(result.status).toBe(0);
  });
});

describe.runIf(haveRealWasmedge('program option defaults'))('the same as wasmedge 0.17', () => {
  it.each(rows)('%s', (_title, options, expected) => {
    const reference = spawnSync(realWasmedge, ['run', ...options, reporter], {
      encoding: 'utf8',
      env: { ...process.env, WASMEDGE_PLUGIN_PATH: plugin },
      timeout: 60000,
    });
    expect(reference.stdout, reference.stderr).toBe(expected);
    expect(reference.status).toBe(0);
  });
});

describe('program option defaults through the API (Plugin#createModule)', () => {
  function report(module: HostModule): string {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const length = module.bind<{ report(ptr: number, cap: number): number }>(memory).report(0, 512);
    module.dispose();
    return Buffer.from(memory.buffer, 0, length).toString('utf8');
  }

  it('null means given without a value (DefaultValue), absent keeps the initial value, for every type', () => {
    const [loaded] = Plugin.loadFromPath(plugin);
    const withoutValues = Object.fromEntries(['toggle', ...types].map((type) => [`defaults-${type}`, null]));
    expect(report(loaded!.createModule('ws_option_defaults', { options: withoutValues }))).toBe(defaultValues);
    expect(report(loaded!.createModule('ws_option_defaults'))).toBe(initialValues);
  });

  it('lists each option with its DefaultValue', () => {
    const [loaded] = Plugin.loadFromPath(plugin);
    expect(loaded!.options.map((option) => [option.name, option.type, option.defaultValue])).toEqual([
      ['defaults-toggle', 'toggle', null],
      ['defaults-int8', 'int8', '8'],
      ['defaults-int16', 'int16', '16'],
      ['defaults-int32', 'int32', '32'],
      ['defaults-int64', 'int64', '64'],
      ['defaults-uint8', 'uint8', '18'],
      ['defaults-uint16', 'uint16', '116'],
      ['defaults-uint32', 'uint32', '132'],
      ['defaults-uint64', 'uint64', '164'],
      ['defaults-float', 'float', '1.500000'],
      ['defaults-double', 'double', '2.250000'],
      ['defaults-string', 'string', 'implicit'],
    ]);
  });
});
