#!/usr/bin/env node
// `pnpm bench [--write]`: every benchmark in bench/, one after the other (each
// compares against its natural alternative in the same process; --write records
// its section in RESULTS.md). Stops at the first one that fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here).filter((file) => file.endsWith('.bench.mjs')).sort();
for (const bench of benches) {
  console.log(`\n[ws:bench] ${bench}`);
  const result = spawnSync(process.execPath, [join(here, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[ws:bench] ${bench} exited with ${result.status ?? result.signal}: run it alone (node bench/${bench}) to see why.`);
    process.exit(1);
  }
}
