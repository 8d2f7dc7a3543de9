// Plug-in options are set, Create run and the options restored in one native
// call (issue 15): a module sees exactly the options it was created with, and
// no later module inherits them.
import { Plugin, WsError, type HostModule } from '@ws/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PLUGIN } from '../helpers/paths.js';

let plugin: Plugin;

/** What the fixture's Create read: `greeting=G scale=S verbose=V ratio=R tags=T`. */
function summary(module: HostModule): string {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const fx = module.bind<{ option_summary(ptr: number, len: number): number }>(memory);
  const length = fx.option_summary(0, 1024);
  module.dispose();
  return Buffer.from(memory.buffer, 0, length).toString('utf8');
}

let loadTime: string;

beforeAll(() => {
  plugin = Plugin.loadFromPath(FIXTURE_PLUGIN)[0]!;
  plugin.resetOptions();
  loadTime = summary(plugin.createModule('ws_fixture'));
});

describe('Plugin#createModule(name, { options })', () => {
  it('creates the module with its options, and the next module without options gets the load-time values', () => {
    expect(loadTime).toBe('greeting= scale=0 verbose=0 ratio=0 tags=');
    const options = { greeting: 'hi', scale: 3, verbose: true, ratio: 0.5, tags: ['a', 'b'] };
    expect(summary(plugin.createModule('ws_fixture', { options }))).toBe('greeting=hi scale=3 verbose=1 ratio=0.5 tags=a,b');
    expect(summary(plugin.createModule('ws_fixture'))).toBe(loadTime);
    expect(summary(plugin.createModule('ws_fixture', { options: { scale: 7 } }))).toBe('greeting= scale=7 verbose=0 ratio=0 tags=');
  });

  it('a refused option throws WS_PLUGIN_OPTION, creates nothing and leaves the load-time values', () => {
    expect(() => plugin.createModule('ws_fixture', { options: { greeting: 'x', scale: 'twelve' } })).toThrow(
      expect.objectContaining({ code: 'WS_PLUGIN_OPTION', message: expect.stringMatching(/^Plug-in ws_fixture: .*scale/) }),
    );
    expect(summary(plugin.createModule('ws_fixture'))).toBe(loadTime);
  });

  it('configure() and setOption() apply to this Plugin object\'s later modules until resetOptions()', () => {
    expect(plugin.configure({ greeting: 'cfg', tags: ['x'] })).toEqual(['greeting', 'tags']);
    plugin.setOption('tags', 'y');
    expect(summary(plugin.createModule('ws_fixture'))).toBe('greeting=cfg scale=0 verbose=0 ratio=0 tags=x,y');
    // Explicit options replace the configured ones for that module only.
    expect(summary(plugin.createModule('ws_fixture', { options: { scale: 1 } }))).toBe('greeting= scale=1 verbose=0 ratio=0 tags=');
    expect(summary(plugin.createModule('ws_fixture'))).toBe('greeting=cfg scale=0 verbose=0 ratio=0 tags=x,y');
    plugin.resetOptions();
    expect(summary(plugin.createModule('ws_fixture'))).toBe(loadTime);
  });

  it('configure() and setOption() check values at once', () => {
    expect(() => plugin.setOption('scale', 'twelve')).toThrow(WsError);
    expect(() => plugin.configure({ scale: '99999999999' })).toThrow(expect.objectContaining({ code: 'WS_PLUGIN_OPTION' }));
    expect(summary(plugin.createModule('ws_fixture'))).toBe(loadTime);
  });
});
