import { describe, expect, it } from 'vitest';
import { builtPlatforms, currentPlatformFacts, libcDescription, libcFromLddText, platformDescription, platformKey, platformPackageName, platformTargets, unbuiltPlatforms } from '../src/platform.js';

describe('platformKey', () => {
  it.each([
    [{ platform: 'linux', arch: 'x64', glibcVersion: '2.36' }, 'linux-x64-gnu'],
    [{ platform: 'linux', arch: 'arm64', glibcVersion: '2.31' }, 'linux-arm64-gnu'],
    [{ platform: 'linux', arch: 'x64' }, 'linux-x64-musl'],
    [{ platform: 'linux', arch: 'arm64' }, 'linux-arm64-musl'],
    [{ platform: 'darwin', arch: 'x64' }, 'darwin-x64'],
    [{ platform: 'darwin', arch: 'arm64' }, 'darwin-arm64'],
    [{ platform: 'win32', arch: 'x64' }, 'win32-x64'],
    [{ platform: 'win32', arch: 'arm64' }, 'win32-arm64'],
  ] as const)('%o → %s', (facts, key) => {
    expect(platformKey(facts)).toBe(key);
  });

  it.each([
    [{ platform: 'linux', arch: 'ia32', glibcVersion: '2.36' }],
    [{ platform: 'linux', arch: 'riscv64', glibcVersion: '2.36' }],
    [{ platform: 'win32', arch: 'ia32' }],
    [{ platform: 'freebsd', arch: 'x64' }],
    [{ platform: 'aix', arch: 'ppc64' }],
  ] as const)('%o has no key', (facts) => {
    expect(platformKey(facts)).toBeUndefined();
    expect(platformDescription(facts)).toBe(`${facts.platform}-${facts.arch}`);
  });

  it('is linux-x64-gnu on this machine, with glibc found', () => {
    expect(currentPlatformFacts().glibcVersion).toMatch(/^2\.[0-9]+$/);
    expect(platformKey()).toBe('linux-x64-gnu');
    expect(libcDescription()).toBe(`glibc ${currentPlatformFacts().glibcVersion}`);
  });

  it('names libc for people', () => {
    expect(libcDescription({ platform: 'linux', arch: 'x64' })).toBe('musl');
    expect(libcDescription({ platform: 'darwin', arch: 'arm64' })).toBe('n/a');
  });
});

describe('libc from the text of ldd (instead of the slow process report)', () => {
  it("reads glibc's version from its ldd script, says musl for musl's loader, and gives up on anything else", () => {
    expect(libcFromLddText("#! /bin/bash\n    echo 'ldd (Debian GLIBC 2.36-9+deb12u14) 2.36'\n")).toEqual({ glibcVersion: '2.36' });
    expect(libcFromLddText("echo 'ldd (GNU libc) 2.39'")).toEqual({ glibcVersion: '2.39' });
    expect(libcFromLddText('\x7fELF...musl libc (x86_64)...')).toEqual({});
    expect(libcFromLddText('#!/bin/sh\nexec something\n')).toBeUndefined();
  });

  it('agrees with the process report on this machine', () => {
    const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
    expect(currentPlatformFacts().glibcVersion).toBe(report.header?.glibcVersionRuntime);
  });
});

describe('platform lists', () => {
  it('declares every key once, split into built and not built', () => {
    const keys = platformTargets.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...builtPlatforms, ...unbuiltPlatforms].sort()).toEqual([...keys].sort());
    expect(builtPlatforms).toEqual(['linux-x64-gnu', 'linux-arm64-gnu']);
    expect(unbuiltPlatforms).toEqual(['linux-x64-musl', 'linux-arm64-musl', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64']);
  });

  it('gives each target the os/cpu/libc its key says', () => {
    for (const target of platformTargets) {
      const facts = { platform: target.os, arch: target.cpu, glibcVersion: target.libc === 'glibc' ? '2.36' : undefined };
      expect(platformKey(facts)).toBe(target.key);
      expect(target.libc === undefined).toBe(target.os !== 'linux');
    }
  });

  it('derives package names from the key', () => {
    expect(platformPackageName('@ws/wasi-nn', 'linux-arm64-gnu')).toBe('@ws/wasi-nn-linux-arm64-gnu');
  });
});
