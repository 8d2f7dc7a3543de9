import { pluginCatalog } from '../catalog.js';
import { Plugin } from './plugin.js';

/**
 * Every plug-in option name known without loading anything: those of loaded
 * plug-ins and those the catalogue lists (installed or not). What a
 * misspelled option is compared with for "did you mean".
 */
export function knownPluginOptionNames(): string[] {
  const names: string[] = [];
  for (const plugin of Plugin.all().filter((p) => p.loaded)) names.push(...plugin.options.map((option) => option.name));
  names.push(...pluginCatalog.flatMap((entry) => entry.options.map((option) => option.name)));
  return [...new Set(names)];
}
