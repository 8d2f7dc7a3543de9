// Installed size of a node_modules folder: bytes of its regular files, each
// hard-linked file once (pnpm links its store into node_modules/.pnpm). Used by
// the registry install test (budgets) and bench/install-size.bench.mjs.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} dir
 * @returns {number}
 */
export function installedBytes(dir) {
  const seen = new Set();
  let total = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && !seen.has(`${stat.dev}:${stat.ino}`)) {
        seen.add(`${stat.dev}:${stat.ino}`);
        total += stat.size;
      }
    }
  };
  walk(dir);
  return total;
}
