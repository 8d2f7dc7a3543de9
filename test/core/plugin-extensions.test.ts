// An installed package can extend a plug-in it does not ship (the WASI-NN
// backend packages extend wasi_nn): its "wasmedge": { "extends", "defaultOptions" }
// become option defaults of that plug-in, however the plug-in was loaded,
// resolved to files inside the extension's own dependencies; what the user
// passes still wins. Own file: the extension stays registered in this process.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Plugin, Runtime } from '@ws/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureStdout, FIXTURE_PLUGIN, guestBytes } from '../helpers/paths.js';

let appDir: string;
let greetingFile: string;

beforeAll(() => {
  appDir = mkdtempSync(join(tmpdir(), 'ws-extension-'));
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }));
  const extension = join(appDir, 'node_modules', '@x', 'fixture-extension');
  const dependency = join(extension, 'node_modules', '@x', 'fixture-files');
  mkdirSync(join(dependency, 'lib'), { recursive: true });
  writeFileSync(join(dependency, 'package.json'), JSON.stringify({ name: '@x/fixture-files', version: '1.0.0' }));
  greetingFile = join(dependency, 'lib', 'greeting.txt');
  writeFileSync(greetingFile, 'hi');
  const perPlatform = { 'linux-x64-gnu': '@x/fixture-files/lib/greeting.txt', 'linux-arm64-gnu': '@x/fixture-files/lib/greeting.txt' };
  writeFileSync(
    join(extension, 'package.json'),
    JSON.stringify({ name: '@x/fixture-extension', version: '1.0.0', wasmedge: { extends: 'ws_fixture', defaultOptions: { greeting: perPlatform } } }),
  );
  Plugin.loadFromPath(FIXTURE_PLUGIN);
  Plugin.discoverPackages(appDir);
});

async function optionSummary(pluginOptions: Record<string, string> = {}): Promise<string> {
  let runtime: Runtime | undefined;
  try {
    const { stdout } = await captureStdout((fd) => {
      runtime = new Runtime({ discoverPackages: false, args: ['fixture_calls.wasm'], pluginOptions, stdout: fd });
      return runtime.run(guestBytes('fixture_calls'));
    });
    return stdout.split('\n').find((line) => line.startsWith('option_summary'))!;
  } finally {
    runtime?.dispose();
  }
}

describe('plug-in extension packages', () => {
  it('are listed on the plug-in they extend', () => {
    expect(Plugin.find('ws_fixture')!.extensions.map((e) => [e.packageName, e.extends])).toEqual([['@x/fixture-extension', 'ws_fixture']]);
  });

  it("set the plug-in's options to files in their dependencies (a plug-in loaded by path included)", async () => {
    expect(await optionSummary()).toContain(`greeting=${greetingFile} `);
  });

  it('the options the user passes win', async () => {
    expect(await optionSummary({ greeting: 'mine' })).toContain('"greeting=mine ');
  });
});
