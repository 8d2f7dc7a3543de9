export { toPluginOptions, processOptionNames } from './options.js';
export type { ProcessOptions, ProcessPluginOptions } from './options.js';
export { loadProcessPlugin, createProcessModule } from './process-module.js';
export { runCommand } from './run-command.js';
export type { CommandRequest, CommandResult } from './run-command.js';
export { wasmedgeProcessFunctionNames } from './function-names.js';
export type { WasmedgeProcessFunctions, WasmedgeProcessImports } from './types.js';
