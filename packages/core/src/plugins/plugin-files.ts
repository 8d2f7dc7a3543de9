import { accessSync, constants, lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { PluginLoadError } from '../errors.js';
import { sharedLibraryExtension } from '../platform.js';

/** What a plug-in folder holds: the files to load, and the entries refused with a reason. */
export interface PluginFolderScan {
  /** Regular files (or links to one) named like a plug-in, in byte order of their names. */
  files: string[];
  /** Entries named like a plug-in that are not one (issue 15): each with its code and remedy. */
  rejected: PluginLoadError[];
}

/** A bind mount or a linked folder cannot make the walk endless. */
const maxDepth = 64;

/**
 * Lists the plug-in files of a folder (its subfolders too when `recursive`),
 * as WasmEdge does: names ending in the platform's library extension,
 * symlinked files followed, symlinked folders not. Nothing is opened: a FIFO
 * must not block the scan. Entries named like a plug-in that cannot be one
 * (a link that loops or points nowhere, a folder, a FIFO, a socket, a
 * device, an unreadable file) are returned in `rejected` and never stop the
 * others; an unreadable subfolder is rejected too.
 */
export function scanPluginFolder(dir: string, recursive: boolean): PluginFolderScan {
  const scan: PluginFolderScan = { files: [], rejected: [] };
  walk(resolve(dir), recursive, 0, scan);
  return scan;
}

function walk(dir: string, recursive: boolean, depth: number, scan: PluginFolderScan): void {
  if (depth > maxDepth) return;
  let names: string[];
  try {
    names = readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    scan.rejected.push(unreadable(dir, error, 'folder'));
    return;
  }
  const extension = sharedLibraryExtension();
  for (const name of names) {
    const path = join(dir, name);
    let link: Stats;
    try {
      link = lstatSync(path);
    } catch {
      continue; // removed while we looked
    }
    if (link.isDirectory()) {
      if (name.endsWith(extension)) scan.rejected.push(notAFile(path, 'a folder'));
      if (recursive) walk(path, true, depth + 1, scan);
      continue;
    }
    if (!name.endsWith(extension)) continue;
    const rejection = link.isSymbolicLink() ? checkLink(path) : checkEntry(path, link);
    if (rejection) scan.rejected.push(rejection);
    else scan.files.push(path);
  }
}

/** A link named like a plug-in: its target must be a readable regular file. */
function checkLink(path: string): PluginLoadError | undefined {
  let target: Stats;
  try {
    target = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      return new PluginLoadError('WS_PLUGIN_LINK_LOOP', path, `${path} is a symbolic link that loops (ELOOP), not a plug-in file: remove the link, or point it at the plug-in.`);
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return new PluginLoadError('WS_PLUGIN_DANGLING_LINK', path, `${path} is a symbolic link to ${linkTarget(path)}, which does not exist: restore the plug-in it points at, or remove the link.`);
    }
    return unreadable(path, error, 'link');
  }
  return target.isDirectory() ? notAFile(path, 'a link to a folder') : checkEntry(path, target);
}

function checkEntry(path: string, stats: Stats): PluginLoadError | undefined {
  if (!stats.isFile()) {
    const kind = stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : 'a device';
    return notAFile(path, kind);
  }
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    return unreadable(path, error, 'file');
  }
  return undefined;
}

function notAFile(path: string, kind: string): PluginLoadError {
  return new PluginLoadError('WS_PLUGIN_NOT_A_FILE', path, `${path} is ${kind}, not a plug-in file: remove it from the plug-in folder, or rename it.`);
}

function unreadable(path: string, error: unknown, what: 'file' | 'folder' | 'link'): PluginLoadError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new PluginLoadError(
    'WS_PLUGIN_UNREADABLE',
    path,
    `The plug-in ${what} ${path} cannot be read (${code}): give the user running ws read permission (chmod a+r${what === 'folder' ? 'x' : ''}), or remove it from the plug-in path.`,
  );
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'a path';
  }
}
