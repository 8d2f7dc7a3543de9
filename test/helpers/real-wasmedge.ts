// The real WasmEdge 0.17 (../shared/tools/wasmedge-0.17, see its README) that tests compare ws
// with: present on the project's machines, absent in a user's clone (the comparison is skipped
// with that reason), required under CI.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.js';

export const realWasmedgeDir = join(root, '../shared/tools/wasmedge-0.17');
export const realWasmedge = join(realWasmedgeDir, 'tools/wasmedge/wasmedge');
export const realLibwasmedge = join(realWasmedgeDir, 'lib/api/libwasmedge.so.0');

/** True when the real WasmEdge is there; otherwise says why the comparison is skipped (throws under CI). */
export function haveRealWasmedge(what: string): boolean {
  if (existsSync(realWasmedge) && existsSync(realLibwasmedge)) return true;
  if (process.env.CI) throw new Error(`${realWasmedgeDir} is missing: CI compares ${what} with the real WasmEdge 0.17.`);
  console.log(`Skipping the comparison of ${what} with WasmEdge 0.17: ${realWasmedgeDir} is not there.`);
  return false;
}
