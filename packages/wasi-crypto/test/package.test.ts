// The package surface: generated types match the descriptor, the manifest
// matches the plug-in, the catalogues match what the plug-in accepts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePluginTypes, Plugin } from '@ws/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWasiCryptoPlugin, wasiCryptoModuleNames } from '../src/crypto-modules.js';
import { CryptoErrno, cryptoErrnoName } from '../src/errors.js';
import { AlgorithmType, keyExchangeAlgorithms, signatureAlgorithms, symmetricAlgorithms } from '../src/options.js';
import { Direct, packageDir } from './helpers.js';

let d: Direct;
beforeAll(() => {
  d = new Direct();
});
afterAll(() => d.dispose());

describe('@ws/wasi-crypto', () => {
  it('finds its plug-in through @ws/core from its own manifest (Plugin.forPackage)', () => {
    expect(loadWasiCryptoPlugin()).toBe(Plugin.forPackage(packageDir));
  });

  it('createWasiCryptoModules works in a fresh process run outside the repository, without Plugin.loadWithDefaultPaths()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-wasi-crypto-helper-'));
    const entry = pathToFileURL(join(packageDir, 'dist', 'index.js')).href;
    // SHA-256 of "abc" through the host functions: options none, state open/absorb/squeeze.
    const script = `import { createWasiCryptoModules } from ${JSON.stringify(entry)};
const crypto = createWasiCryptoModules();
const memory = new WebAssembly.Memory({ initial: 1 });
const { wasi_ephemeral_crypto_symmetric: symmetric } = crypto.bind(memory);
const bytes = new Uint8Array(memory.buffer);
bytes.set(new TextEncoder().encode('SHA-256'), 100);
bytes.set(new TextEncoder().encode('abc'), 200);
const view = new DataView(memory.buffer);
view.setUint8(16, 1); // opt_symmetric_key and opt_options: none
const errnos = [symmetric.symmetric_state_open(100, 7, 16, 16, 0)];
const state = view.getUint32(0, true);
errnos.push(symmetric.symmetric_state_absorb(state, 200, 3), symmetric.symmetric_state_squeeze(state, 300, 32));
console.log(errnos.join(','), Buffer.from(bytes.subarray(300, 332)).toString('hex'));
crypto.dispose();
`;
    writeFileSync(join(dir, 'main.mjs'), script);
    const env = { ...process.env };
    delete env.WS_WASI_CRYPTO_LIBRARY;
    delete env.NODE_PATH; // pnpm's bin shims point it at the workspace's hoisted packages
    const result = spawnSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('0,0,0 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n');
  });

  it('src/types.ts is what the plug-in descriptor generates (run pnpm generate-types if not)', () => {
    expect(generatePluginTypes(loadWasiCryptoPlugin())).toBe(readFileSync(join(packageDir, 'src', 'types.ts'), 'utf8'));
  });

  it('the manifest names the plug-in, its five modules and its library', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).wasmedge;
    const plugin = loadWasiCryptoPlugin();
    expect(manifest.plugin).toBe(plugin.name);
    expect(plugin.version).toBe('0.10.1.0');
    expect(plugin.apiVersion).toBe(manifest.apiVersion);
    expect([...manifest.modules].sort()).toEqual([...wasiCryptoModuleNames].sort());
    expect(d.set.modules.map((m) => m.name).sort()).toEqual([...wasiCryptoModuleNames].sort());
    expect(plugin.listModules()).toEqual([
      'wasi_crypto_asymmetric_common',
      'wasi_crypto_common',
      'wasi_crypto_kx',
      'wasi_crypto_signatures',
      'wasi_crypto_symmetric',
    ]);
  });

  it('every listed algorithm is accepted, in any letter case', () => {
    for (const name of signatureAlgorithms.filter((n) => !n.startsWith('RSA'))) {
      expect(d.out(d.f.keypair_generate, AlgorithmType.signatures, ...d.put(name.toLowerCase()), d.opt())[0], name).toBe(CryptoErrno.success);
    }
    for (const name of keyExchangeAlgorithms) {
      expect(d.out(d.f.keypair_generate, AlgorithmType.key_exchange, ...d.put(name), d.opt())[0], name).toBe(CryptoErrno.success);
    }
    for (const name of symmetricAlgorithms) {
      const expected = name.startsWith('SHA') ? CryptoErrno.key_not_supported : name.startsWith('HKDF-EXPAND') ? CryptoErrno.unsupported_feature : CryptoErrno.success;
      expect(d.out(d.f.symmetric_key_generate, ...d.put(name.toLowerCase()), d.opt())[0], name).toBe(expected);
    }
  });

  it('names error codes', () => {
    expect(cryptoErrnoName(15)).toBe('invalid_handle');
    expect(cryptoErrnoName(0)).toBe('success');
    expect(cryptoErrnoName(99)).toBe('unknown_99');
    expect(Object.keys(CryptoErrno)).toHaveLength(31);
  });
});
