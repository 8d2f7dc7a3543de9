// Runs test/guests/build/fixture_calls.wasm through the ws_fixture plug-in,
// and a guest importing wasmedge_process through the process plug-in, with
// whatever Node runs this file (x64, or arm64 under qemu-aarch64-static).
// Prints one JSON line (with the host-call path the bridge took). Usage:
//   node run-fixture-guest.mjs <core index.js> <libws_fixture.so> <fixture_calls.wasm> <process plug-in> <process guest> <scratch file>
import { readFileSync, openSync, closeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [coreIndex, fixtureLibrary, fixtureGuest, processLibrary, processGuest, scratch] = process.argv.slice(2);
const { Plugin, Runtime } = await import(pathToFileURL(coreIndex).href);
Plugin.loadFromPath(fixtureLibrary);
Plugin.loadFromPath(processLibrary);
const fd = openSync(scratch, 'w');
const code = await new Runtime({ discoverPackages: false, args: ['fixture_calls.wasm'], stdout: fd }).run(readFileSync(fixtureGuest));
closeSync(fd);
const processCode = await new Runtime({ discoverPackages: false }).run(readFileSync(processGuest));
// The bridge @ws/core loaded (same module instance): which path the host calls took.
const { loadBridge } = await import(new URL('native/load-bridge.js', pathToFileURL(coreIndex)).href);
const hostCallPath = loadBridge().hostCallPath();
console.log(JSON.stringify({ arch: process.arch, code, stdout: readFileSync(scratch, 'utf8'), processCode, plugins: Plugin.all().map((p) => `${p.name} ${p.version}`), hostCallPath }));
