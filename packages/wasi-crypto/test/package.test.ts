// The package surface: generated types match the descriptor, the manifest
// matches the plug-in, the catalogues match what the plug-in accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePluginTypes } from '@ws/core';
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
