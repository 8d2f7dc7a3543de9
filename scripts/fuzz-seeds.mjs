#!/usr/bin/env node
// Writes the seed corpus of the fuzz harnesses (native/fuzz/corpus/<name>/
// seed-*), in the input layout of native/fuzz/plugin_fuzzer.cpp: each seed is a
// guest memory and a sequence of calls that gets a plug-in somewhere deep
// (a TFLite model loaded and run, an image decoded, a signature verified, a
// command run), from where libFuzzer mutates. Function indices come from the
// harnesses themselves (WS_FUZZ_LIST=1), so run `node scripts/fuzz.mjs
// --build-only` first. Re-run after adding host functions.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asanRuntime, fuzzBuildDir, root } from './fuzz.mjs';

/** The harness's function table: "module function" → index. */
function functionTable(harness) {
  const result = spawnSync(join(fuzzBuildDir, 'fuzz', `fuzz_${harness}`), [], {
    encoding: 'utf8',
    env: { ...process.env, WS_FUZZ_LIST: '1', LD_PRELOAD: asanRuntime(), ASAN_OPTIONS: 'detect_leaks=0' },
  });
  if (result.status !== 0) throw new Error(`fuzz_${harness} WS_FUZZ_LIST=1 failed: ${result.stderr}`);
  const table = new Map();
  for (const line of result.stdout.trim().split('\n')) {
    const [index, , name] = line.split(' ');
    table.set(name, { index: Number(index), results: Number(line.split(' -> ')[1]) });
  }
  return table;
}

const u32 = (v) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};

/** A seed: memory content placed from offset 0, then calls. */
class Seed {
  constructor(table) {
    this.table = table;
    this.memory = Buffer.alloc(0);
    this.calls = [];
    this.results = 0; // results the harness has recorded so far
  }
  /** Places bytes in guest memory (8-aligned), returns their offset. */
  put(bytes) {
    const at = (this.memory.length + 7) & ~7;
    this.memory = Buffer.concat([this.memory, Buffer.alloc(at - this.memory.length), Buffer.from(bytes)]);
    return at;
  }
  /** Reserves zeroed bytes (an out-pointer target). */
  out(size = 8) {
    return this.put(Buffer.alloc(size));
  }
  /**
   * A call; each argument: a number (exact i32), {handle}, {memU32: offset},
   * {result: n} (the result of the call whose `call()` returned n), {i64: bigint}.
   * Returns the number to pass as {result} to use this call's result.
   */
  call(name, ...args) {
    const fn = this.table.get(name);
    if (fn === undefined) throw new Error(`no function ${name}`);
    const bytes = [fn.index];
    for (const a of args) {
      if (typeof a === 'number') bytes.push(8, ...u32(a));
      else if ('handle' in a) bytes.push(5, a.handle);
      else if ('memU32' in a) bytes.push(13, a.memU32 & 0xff, a.memU32 >> 8);
      else if ('result' in a) bytes.push(12, this.results - 1 - a.result);
      else if ('i64' in a) {
        const b = Buffer.alloc(8);
        b.writeBigUInt64LE(a.i64);
        bytes.push(10, ...b);
      }
    }
    this.calls.push(...bytes);
    if (fn.results > 0) return this.results++;
    return undefined;
  }
  bytes() {
    const header = Buffer.alloc(3);
    header[0] = 1; // one page
    header.writeUInt16LE(this.memory.length, 1);
    return Buffer.concat([header, this.memory, Buffer.from(this.calls)]);
  }
}

const seeds = {};

// ---- wasmedge_process ---------------------------------------------------------
seeds.process = (t) => {
  const run = (prog, args, stdin) => {
    const s = new Seed(t);
    const p = s.put(prog);
    s.call('wasmedge_process_set_prog_name', p, prog.length);
    for (const a of args) s.call('wasmedge_process_add_arg', s.put(a), a.length);
    const k = s.put('K'), v = s.put('value');
    s.call('wasmedge_process_add_env', k, 1, v, 5);
    if (stdin) s.call('wasmedge_process_add_stdin', s.put(stdin), stdin.length);
    s.call('wasmedge_process_set_timeout', 1000);
    s.call('wasmedge_process_run');
    s.call('wasmedge_process_get_exit_code');
    const buf = s.out(64);
    s.call('wasmedge_process_get_stdout_len');
    s.call('wasmedge_process_get_stdout', buf);
    s.call('wasmedge_process_get_stderr_len');
    s.call('wasmedge_process_get_stderr', buf);
    return s;
  };
  return { echo: run('echo', ['hello', 'fuzz'], 'input'), true: run('true', [], null), denied: run('cat', ['/etc/hostname'], null) };
};

// ---- wasi_crypto ------------------------------------------------------------------
seeds.wasi_crypto = (t) => {
  const none = () => Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]);
  const hmac = new Seed(t);
  {
    const alg = hmac.put('HMAC/SHA-256');
    const optNone = hmac.put(none());
    // opt_symmetric_key = some(handle): tag 0, handle at +4, written there by generate.
    const optKey = hmac.put(Buffer.alloc(8));
    hmac.call('symmetric_key_generate', alg, 12, optNone, optKey + 4);
    const state = hmac.out(), tag = hmac.out(), buf = hmac.out(32), size = hmac.out();
    hmac.call('symmetric_state_open', alg, 12, optKey, optNone, state);
    const data = hmac.put('message to authenticate');
    hmac.call('symmetric_state_absorb', { memU32: state }, data, 23);
    hmac.call('symmetric_state_squeeze_tag', { memU32: state }, tag);
    hmac.call('symmetric_tag_len', { memU32: tag }, size);
    hmac.call('symmetric_tag_pull', { memU32: tag }, buf, 32, size);
    hmac.call('symmetric_tag_verify', { memU32: tag }, buf, 32);
    hmac.call('symmetric_key_export', { memU32: optKey + 4 }, size);
    hmac.call('array_output_len', { memU32: size }, tag);
    hmac.call('array_output_pull', { memU32: size }, buf, 32, tag);
    hmac.call('symmetric_state_close', { memU32: state });
  }
  const aead = new Seed(t);
  {
    const alg = aead.put('AES-256-GCM');
    const optNone = aead.put(none());
    const optKey = aead.put(Buffer.alloc(8));
    // opt_options = some(options): tag 0, handle at +4, written there by options_open.
    const optOpts = aead.put(Buffer.alloc(8));
    const state = aead.out(), size = aead.out();
    aead.call('symmetric_key_generate', alg, 11, optNone, optKey + 4);
    aead.call('options_open', 1, optOpts + 4);
    const nonceName = aead.put('nonce'), nonce = aead.put(Buffer.alloc(12, 7));
    aead.call('options_set', { memU32: optOpts + 4 }, nonceName, 5, nonce, 12);
    const plain = aead.put('plaintext!'), cipher = aead.out(32), back = aead.out(16);
    aead.call('symmetric_state_open', alg, 11, optKey, optOpts, state);
    aead.call('symmetric_state_encrypt', { memU32: state }, cipher, 26, plain, 10, size);
    aead.call('symmetric_state_decrypt', { memU32: state }, back, 10, cipher, 26, size);
    aead.call('symmetric_state_max_tag_len', { memU32: state }, size);
  }
  const sig = new Seed(t);
  {
    const alg = sig.put('Ed25519');
    const optNone = sig.put(none());
    const kp = sig.out(), pk = sig.out(), st = sig.out(), s = sig.out(), vst = sig.out(), ao = sig.out(), buf = sig.out(64);
    sig.call('keypair_generate', 0, alg, 7, optNone, kp);
    sig.call('keypair_publickey', { memU32: kp }, pk);
    sig.call('signature_state_open', { memU32: kp }, st);
    const msg = sig.put('signed message');
    sig.call('signature_state_update', { memU32: st }, msg, 14);
    sig.call('signature_state_sign', { memU32: st }, s);
    sig.call('signature_verification_state_open', { memU32: pk }, vst);
    sig.call('signature_verification_state_update', { memU32: vst }, msg, 14);
    sig.call('signature_verification_state_verify', { memU32: vst }, { memU32: s });
    sig.call('signature_export', { memU32: s }, 0, ao);
    sig.call('array_output_pull', { memU32: ao }, buf, 64, st);
    sig.call('publickey_export', { memU32: pk }, 0, ao);
    sig.call('keypair_export', { memU32: kp }, 0, ao);
  }
  const kx = new Seed(t);
  {
    const alg = kx.put('X25519');
    const optNone = kx.put(none());
    const a = kx.out(), b = kx.out(), pk = kx.out(), sk = kx.out(), ao = kx.out();
    kx.call('keypair_generate', 2, alg, 6, optNone, a);
    kx.call('keypair_generate', 2, alg, 6, optNone, b);
    kx.call('keypair_publickey', { memU32: b }, pk);
    kx.call('keypair_secretkey', { memU32: a }, sk);
    kx.call('kx_dh', { memU32: pk }, { memU32: sk }, ao);
    kx.call('array_output_len', { memU32: ao }, a);
    const raw = kx.put(Buffer.alloc(32, 9));
    kx.call('publickey_import', 2, alg, 6, raw, 32, 0, pk);
    kx.call('secretkey_import', 2, alg, 6, raw, 32, 0, sk);
  }
  return { hmac, aead, signature: sig, kx };
};

// ---- wasi_nn (TFLite backend) ---------------------------------------------------------
const model = readFileSync(join(root, 'native', 'fuzz', 'models', 'add_f32.tflite'));
seeds.wasi_nn = (t) => {
  const s = new Seed(t);
  const m = s.put(model);
  const builder = s.put(Buffer.concat([u32(m), u32(model.length)]));
  const graph = s.out(), ctx = s.out(), written = s.out();
  s.call('load', builder, 1, 4 /* TensorflowLite */, 0 /* CPU */, graph);
  s.call('init_execution_context', { memU32: graph }, ctx);
  const dims = s.put(Buffer.concat([u32(1), u32(4)]));
  const data = s.put(Buffer.from(new Float32Array([1, 2, 3, 4]).buffer));
  const tensor = s.put(Buffer.concat([u32(dims), u32(2), u32(1 /* f32 */), u32(data), u32(16)]));
  s.call('set_input', { memU32: ctx }, 0, tensor);
  s.call('compute', { memU32: ctx });
  const outBuf = s.out(16);
  s.call('get_output', { memU32: ctx }, 0, outBuf, 16, written);
  s.call('finalize_execution_context', { memU32: ctx });
  s.call('unload', { memU32: graph });
  const name = new Seed(t);
  const n = name.put('default');
  name.call('load_by_name', n, 7, name.out());
  return { add: s, by_name: name };
};

// ---- wasmedge_image ------------------------------------------------------------------------
const fixtures = join(root, 'packages', 'image', 'test', 'fixtures');
seeds.image = (t) => {
  const out = {};
  for (const [ext, fn] of [['png', 'load_png'], ['jpg', 'load_jpg']]) {
    const img = readFileSync(join(fixtures, `upstream-red-30x30.${ext}`));
    const s = new Seed(t);
    const at = s.put(img);
    const o = s.out(4 * 4 * 3 * 4);
    s.call(fn, at, img.length, 4, 4, 0, o, 48);
    s.call('load_image', at, img.length, 2, 2, 2, o, 48);
    s.call(`wasmedge_image_load_${ext}_to_rgb32f`, at, img.length, 2, 2, o);
    s.call(`wasmedge_image_load_${ext}_to_bgr8`, at, img.length, 4, 4, o);
    out[ext] = s;
  }
  return out;
};

// ---- wasmedge_tensorflowlite (+ legacy) ------------------------------------------------
seeds.tensorflowlite = (t) => {
  const s = new Seed(t);
  const m = s.put(model);
  const id = s.out(), tensor = s.out(), len = s.out(), written = s.out();
  const x = s.put('x'), y = s.put('y');
  const data = s.put(Buffer.from(new Float32Array([1, 2, 3, 4]).buffer));
  const out = s.out(16);
  s.call('create_session', m, model.length, id);
  s.call('append_input', { memU32: id }, x, 1, data, 16);
  s.call('run_session', { memU32: id });
  s.call('get_output_tensor', { memU32: id }, y, 1, tensor);
  s.call('get_tensor_len', { memU32: id }, { memU32: tensor }, len);
  s.call('get_tensor_data', { memU32: id }, { memU32: tensor }, out, 16, written);
  s.call('delete_session', { memU32: id });
  const legacy = new Seed(t);
  const lm = legacy.put(model);
  const lx = legacy.put('x'), ly = legacy.put('y');
  const ld = legacy.put(Buffer.from(new Float32Array([4, 3, 2, 1]).buffer));
  const lout = legacy.out(16);
  const session = legacy.call('wasmedge_tensorflowlite_create_session', lm, model.length);
  legacy.call('wasmedge_tensorflowlite_append_input', { result: session }, lx, 1, ld, 16);
  legacy.call('wasmedge_tensorflowlite_run_session', { result: session });
  const handle = legacy.call('wasmedge_tensorflowlite_get_output_tensor', { result: session }, ly, 1);
  legacy.call('wasmedge_tensorflowlite_get_tensor_len', { result: handle });
  legacy.call('wasmedge_tensorflowlite_get_tensor_data', { result: handle }, lout);
  legacy.call('wasmedge_tensorflowlite_delete_session', { result: session });
  return { current: s, legacy };
};

for (const [harness, make] of Object.entries(seeds)) {
  const dir = join(root, 'native', 'fuzz', 'corpus', harness);
  mkdirSync(dir, { recursive: true });
  for (const [name, seed] of Object.entries(make(functionTable(harness)))) {
    writeFileSync(join(dir, `seed-${name}`), seed.bytes());
    console.log(`${harness}/seed-${name}: ${seed.bytes().length} bytes`);
  }
}
