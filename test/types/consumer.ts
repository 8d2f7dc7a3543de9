// Compiled by public-types.test.ts as an application would: strict, NodeNext,
// skipLibCheck off, against @ws/core's published declarations (dist/*.d.ts).
// Never run. With the DOM lib: lib.dom's WebAssembly values pass to and from
// the API's structural types (a project without DOM: test/install/typecheck/).
import { readFile } from 'node:fs/promises';
import {
  GasLimitError,
  GuestTerminated,
  HostFunctionError,
  ImportResolutionError,
  MemoryPageLimitError,
  Plugin,
  PluginLoadError,
  Runtime,
  TimeLimitError,
  WsError,
  generatePluginTypes,
  platformKey,
  type HostFunction,
  type HostModule,
  type PluginOptionValue,
  type RuntimeOptions,
  type WsErrorCode,
} from '@ws/core';

/** What `ws typegen ws_fixture` writes for two of its functions. */
interface FixtureFunctions {
  add_i32(arg0: number, arg1: number): number;
  add_i64(arg0: bigint, arg1: bigint): bigint;
  divmod(arg0: number, arg1: number): [number, number];
}

export async function consumer(): Promise<number> {
  const plugins: Plugin[] = Plugin.loadFromPath('/plugins');
  Plugin.loadWithDefaultPaths();
  const names: string[] = Plugin.list();
  const modules: string[] | undefined = Plugin.find('ws_fixture')?.listModules();
  const module: HostModule = plugins[0]!.createModule('ws_fixture');
  const typed = module.bind<FixtureFunctions>(new WebAssembly.Memory({ initial: 1 }));
  const sum: number = typed.add_i32(1, 2);
  const wide: bigint = typed.add_i64(1n, 2n);
  const [quotient, remainder]: [number, number] = typed.divmod(7, 2);
  const untyped: Record<string, HostFunction> = module.bind();
  untyped.add_i32?.(1, 2);
  module.dispose();

  const option: PluginOptionValue = ['ls', 'cat'];
  const options: RuntimeOptions = {
    args: ['app.wasm'],
    env: { K: 'V' },
    preopens: { '.': '.' },
    imports: { js: { f: () => 1 } },
    native: { m: { library: 'libm.so.6', functions: { cos: 'double cos(double)' } } },
    pluginOptions: { 'allow-command': option, 'allow-command-all': true },
    forbiddenPlugins: ['wasi_nn'],
  };
  const runtime = new Runtime(options);
  const instance: WebAssembly.Instance = await runtime.instantiate(await readFile('app.wasm'));
  const code: number = await runtime.run(new WebAssembly.Module(new Uint8Array(8)));
  runtime.dispose();
  const metered = new Runtime({ gasLimit: 1_000_000n, gasMeasuring: true });
  const gasUsed: bigint | undefined = metered.lastGasUsed;
  console.log(gasUsed, new Runtime({ gasLimit: 5000 }));
  const limited = new Runtime({ timeLimitMs: 5000, memoryPageLimit: 160 });
  void limited;
  {
    using disposable = new Runtime();
    void disposable;
  }
  try {
    await runtime.run(new Uint8Array(0));
  } catch (error) {
    if (error instanceof ImportResolutionError) error.unresolved.map((u) => `${u.module}.${u.name}: ${u.reason} ${u.package ?? ''}`);
    if (error instanceof PluginLoadError) console.log(error.path);
    if (error instanceof HostFunctionError) console.log(error.plugin, error.function, error.errorCode, error instanceof WebAssembly.RuntimeError);
    if (error instanceof GuestTerminated) console.log(error.plugin);
    if (error instanceof GasLimitError) {
      const used: bigint = error.gasUsed;
      const limit: bigint = error.limit;
      console.log(used, limit, error.code === 'WS_GAS_LIMIT');
    }
    if (error instanceof TimeLimitError) {
      const ms: number = error.limitMs;
      console.log(ms, error.code === 'WS_TIME_LIMIT');
    }
    if (error instanceof MemoryPageLimitError) console.log(error.memoryIndex, error.minimumPages, error.limitPages, error.code === 'WS_MEMORY_PAGE_LIMIT');
    if (error instanceof WsError) {
      const code: WsErrorCode = error.code;
      console.log(code);
    }
  }
  console.log(names, modules, sum, wide, quotient, remainder, instance, platformKey(), generatePluginTypes(plugins[0]!));
  return code;
}
