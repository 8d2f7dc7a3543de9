// Runs this package's llm_script guest (guests/llm_script.c) through the ws
// CLI; the GGUF test models are visible to the guest under "m/".
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliPath, type GuestRun, pluginDir } from '../../wasi-nn/test/run-guest.js';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const modelDir = join(packageDir, 'test-models', 'build');
/** The plug-in directory: WS_NN_PLUGIN_DIR (a private build) or native/build/plugins. */
export const plugins = process.env.WS_NN_PLUGIN_DIR ?? pluginDir;
export const STORY = ', there lived one tiny robot. It counted tokens all day!';

/** Runs the script; `dirs` maps more guest directories to host ones (e.g. `{ t: tmp }`). */
export function runLlm(
  script: string[],
  options: { preloads?: string[]; env?: Record<string, string>; dirs?: Record<string, string>; cliArgs?: string[] } = {},
): Promise<GuestRun> {
  const args = [cliPath, 'run', '--dir', `m:${modelDir}`, '--plugin-path', plugins];
  for (const [guest, host] of Object.entries(options.dirs ?? {})) args.push('--dir', `${guest}:${host}`);
  for (const preload of options.preloads ?? []) args.push('--nn-preload', preload);
  args.push(...(options.cliArgs ?? []));
  args.push(join(packageDir, 'guests', 'build', 'llm_script.wasm'), ...script);
  return new Promise((resolvePromise) => {
    execFile(process.execPath, args, { env: { ...process.env, ...options.env }, timeout: 60000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolvePromise({ code, lines: stdout.split('\n').filter((line) => line.length > 0), stderr });
    });
  });
}

/** `{"input_tokens": I, "output_tokens": O, ...}` as get_output(1) writes it. */
export const stats = (input: number, output: number) =>
  `{"input_tokens": ${input}, "output_tokens": ${output}, "llama_build_number": 0, "llama_commit": "@node-llama-cpp/linux-x64 3.22.1"}`;

/** A metadata JSON argument (builder 1 of load, or set_input index 1). */
export const meta = (object: Record<string, unknown>) => JSON.stringify(object);
