// The catalogue in @ws/core (catalog.ts) is what `ws run --help` shows for
// plug-ins that are not installed, what names the package for an unresolved
// import, and what option names are checked against without loading a
// plug-in: it must say what the built official plug-ins really declare.
import { Plugin, pluginCatalog } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { root } from '../helpers/paths.js';

describe('the plug-in catalogue', () => {
  const loaded = Plugin.loadFromPath(join(root, 'native/build/plugins'));

  it.each(pluginCatalog.map((entry) => [entry.plugin, entry] as const))('%s: options and import names match its descriptor', (name, entry) => {
    const plugin = loaded.find((p) => p.name === name);
    expect(plugin, `${name} is built into native/build/plugins`).toBeDefined();
    expect(entry.options.map((o) => [o.name, o.value === null])).toEqual(plugin!.options.map((o) => [o.name, o.type === 'toggle']));
    const importNames = plugin!.listModules().map((descriptor) => {
      const module = plugin!.createModule(descriptor);
      module.dispose();
      return module.name;
    });
    expect([...entry.modules].sort()).toEqual(importNames.sort());
  });
});
