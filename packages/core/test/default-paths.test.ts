import { describe, expect, it } from 'vitest';
import { defaultPluginPaths, splitPluginPath } from '../src/plugins/default-paths.js';

describe('splitPluginPath (WASMEDGE_PLUGIN_PATH)', () => {
  it('splits like WasmEdge on POSIX, dropping empty entries', () => {
    expect(splitPluginPath('/a', ':')).toEqual(['/a']);
    expect(splitPluginPath('/a:/b', ':')).toEqual(['/a', '/b']);
    expect(splitPluginPath('/a::/b', ':')).toEqual(['/a', '/b']);
    expect(splitPluginPath(':/a', ':')).toEqual(['/a']);
    expect(splitPluginPath('', ':')).toEqual([]);
    expect(splitPluginPath(undefined, ':')).toEqual([]);
  });

  it('never fails on a trailing separator (WasmEdge aborts there)', () => {
    expect(splitPluginPath('/a:', ':')).toEqual(['/a']);
  });

  it('uses ; on Windows so drive letters survive', () => {
    expect(splitPluginPath('C:\\x;D:\\y', ';')).toEqual(['C:\\x', 'D:\\y']);
  });
});

describe('defaultPluginPaths', () => {
  it('WASMEDGE_PLUGIN_PATH first, then the install-relative folder, then ~/.wasmedge/plugin', () => {
    expect(defaultPluginPaths('/opt/ws/lib/libwasmedge.so.0', { WASMEDGE_PLUGIN_PATH: '/p1:/p2', HOME: '/home/u' }, 'linux')).toEqual([
      '/p1',
      '/p2',
      '/opt/ws/plugin',
      '/usr/local/lib/wasmedge',
      '/usr/lib/wasmedge',
      '/home/u/.wasmedge/plugin',
    ]);
  });

  it('without a stand-in, the system folders and the home folder; no duplicates', () => {
    expect(defaultPluginPaths(undefined, { HOME: '/h', WASMEDGE_PLUGIN_PATH: '/usr/lib/wasmedge' }, 'linux')).toEqual([
      '/usr/lib/wasmedge',
      '/usr/local/lib/wasmedge',
      '/h/.wasmedge/plugin',
    ]);
    expect(defaultPluginPaths(undefined, { HOME: '/h' }, 'win32')).toEqual(['/h/.wasmedge/plugin']);
  });

  it('a system install under /usr or /lib uses <libdir>/wasmedge', () => {
    expect(defaultPluginPaths('/usr/lib/x86_64-linux-gnu/libwasmedge.so.0', { HOME: '/h' })[0]).toBe('/usr/lib/x86_64-linux-gnu/wasmedge');
    expect(defaultPluginPaths('/lib64/libwasmedge.so.0', { HOME: '/h' })[0]).toBe('/lib64/wasmedge');
  });
});
