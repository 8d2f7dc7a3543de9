// Preloaded (node -r) into the CLI by memory.test.ts: reports the process's
// peak resident memory on stderr when it exits.
process.on('exit', () => process.stderr.write(`max_rss_kb=${process.resourceUsage().maxRSS}\n`));
