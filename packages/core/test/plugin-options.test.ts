// RuntimeOptions.pluginOptions keys that name no plug-in option: checked at
// instantiation (plug-ins may be registered until then), with a suggestion.
import { describe, expect, it } from 'vitest';
import type { WsError } from '../src/errors.js';
import { Runtime } from '../src/runtime/runtime.js';

// The smallest module: the magic number and version, no imports.
const emptyModule = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

async function optionError(pluginOptions: Record<string, string[] | boolean>): Promise<WsError> {
  return (await new Runtime({ discoverPackages: false, pluginOptions }).instantiate(emptyModule).catch((error: unknown) => error)) as WsError;
}

describe('pluginOptions keys', () => {
  it.each([['allowCommand'], ['allow_command'], ['allow-comand'], ['ALLOW_COMMAND']])('%s: did you mean allow-command', async (key) => {
    const error = await optionError({ [key]: ['ls'] });
    expect(error.code).toBe('WS_PLUGIN_OPTION');
    expect(error.message).toBe(
      `No loaded plug-in declares the option --${key}: did you mean 'allow-command'? Name it as on the command line without the dashes: pluginOptions: { 'allow-command': ... }.`,
    );
  });

  it('a key close to nothing known says to check it', async () => {
    const error = await optionError({ frobnicate: true });
    expect(error.code).toBe('WS_PLUGIN_OPTION');
    expect(error.message).toBe('No loaded plug-in declares the option --frobnicate. Check its spelling, or load the plug-in that declares it (--plugin-path).');
  });

  it('a key with dashes in front, and the option of a plug-in not installed', async () => {
    expect((await optionError({ '--allow-command': ['ls'] })).message).toBe(
      'The plug-in option "--allow-command" is written with dashes. Use the name without them: pluginOptions: { \'allow-command\': ... }.',
    );
    expect((await optionError({ 'allow-command-all': true })).message).toMatch(/^The plug-in option --allow-command-all belongs to wasmedge_process, which is not installed\. Install it: (npm install|pnpm add|yarn add|bun add) @ws\/process$/);
  });
});
