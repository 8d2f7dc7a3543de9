import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WsError } from '../errors.js';
import { readPackageManifests, type PluginManifest } from './npm-manifest.js';

/** `import.meta.url`, a file URL string, or a path (relative to the working directory). */
function toPath(packageUrlOrDir: string | URL): string {
  if (packageUrlOrDir instanceof URL) return fileURLToPath(packageUrlOrDir);
  if (typeof packageUrlOrDir !== 'string' || packageUrlOrDir === '') {
    throw new WsError('WS_USAGE', `Plugin.forPackage() needs import.meta.url of a file in the plug-in package (or the package's folder), got ${packageUrlOrDir === '' ? 'an empty string' : String(packageUrlOrDir)}. Call Plugin.forPackage(import.meta.url).`);
  }
  return packageUrlOrDir.startsWith('file:') ? fileURLToPath(packageUrlOrDir) : resolve(packageUrlOrDir);
}

function hasWasmedgeField(dir: string): boolean {
  try {
    const text = readFileSync(join(dir, 'package.json'), 'utf8');
    return text.includes('"wasmedge"') && (JSON.parse(text) as { wasmedge?: unknown }).wasmedge !== undefined;
  } catch {
    return false;
  }
}

/**
 * The real folder of the package that holds `packageUrlOrDir`: the nearest
 * folder upwards whose package.json has a `"wasmedge"` field. Real paths, so a
 * package that pnpm links from its store is found where its dependencies are.
 */
export function pluginPackageRoot(packageUrlOrDir: string | URL): string {
  const start = toPath(packageUrlOrDir);
  let dir: string;
  try {
    dir = realpathSync(start);
  } catch {
    throw new WsError('WS_PLUGIN_MANIFEST', `Plugin.forPackage(): ${start} does not exist. Pass import.meta.url of a file inside the plug-in package.`);
  }
  if (!statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (hasWasmedgeField(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new WsError('WS_PLUGIN_MANIFEST', `Plugin.forPackage(): no package.json with a "wasmedge" field in ${start} or any folder above it. Pass import.meta.url of a file inside a plug-in package (one whose package.json declares its plug-in).`);
    }
    dir = parent;
  }
}

/**
 * The manifest of plug-in `pluginName` of the package holding
 * `packageUrlOrDir`; without a name, the package's only plug-in. A missing or
 * ambiguous name is an error naming the choices.
 */
export function packagePluginManifest(packageUrlOrDir: string | URL, pluginName?: string): PluginManifest {
  // Helpers ask on every call (runCommand, loadImage): read each package once.
  const key = `${toPath(packageUrlOrDir)}\0${pluginName ?? ''}`;
  let manifest = manifestCache.get(key);
  if (!manifest) {
    manifest = readPackagePluginManifest(packageUrlOrDir, pluginName);
    manifestCache.set(key, manifest);
  }
  return manifest;
}

const manifestCache = new Map<string, PluginManifest>();

function readPackagePluginManifest(packageUrlOrDir: string | URL, pluginName?: string): PluginManifest {
  const root = pluginPackageRoot(packageUrlOrDir);
  const { plugins, extensions } = readPackageManifests(root);
  const packageName = plugins[0]?.packageName ?? extensions[0]?.packageName ?? root;
  const names = plugins.map((manifest) => manifest.plugin);
  if (plugins.length === 0) {
    const extended = [...new Set(extensions.map((extension) => extension.extends))].join(', ');
    throw new WsError('WS_PLUGIN_NOT_FOUND', `${packageName} ships no plug-in of its own: it extends ${extended}. Call Plugin.forPackage() from the package of that plug-in, or Plugin.find('${extensions[0]?.extends ?? ''}').`);
  }
  if (pluginName === undefined) {
    if (plugins.length === 1) return plugins[0]!;
    throw new WsError('WS_USAGE', `${packageName} ships ${plugins.length} plug-ins (${names.join(', ')}). Name the one you want: Plugin.forPackage(import.meta.url, '${names[0]}').`);
  }
  const manifest = plugins.find((candidate) => candidate.plugin === pluginName);
  if (!manifest) {
    throw new WsError('WS_PLUGIN_NOT_FOUND', `${packageName} has no plug-in named ${pluginName}; it ships ${names.join(', ')}. Pass one of those names to Plugin.forPackage().`);
  }
  return manifest;
}
