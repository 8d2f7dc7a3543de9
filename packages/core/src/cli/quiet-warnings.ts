/**
 * Imported first by the CLI, before anything loads node:wasi (which prints an
 * ExperimentalWarning when loaded; the CLI is not the place for it).
 * Replacing Node's default 'warning' listener keeps every other warning.
 */
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && warning.message.includes('WASI')) return;
  process.stderr.write(`[ws] ${warning.name}: ${warning.message}\n`);
});
