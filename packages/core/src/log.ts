/** One prefix for everything @ws/core prints: `[ws]` or `[ws:<topic>]`. */
export function logPrefix(topic?: string): string {
  return topic ? `[ws:${topic}]` : '[ws]';
}

type WarningHandler = (code: string, message: string) => void;

let handler: WarningHandler = (code, message) => process.emitWarning(message, { code, type: 'WsWarning' });

/** Where warnings go: process warnings for a library, stderr lines for the CLI. */
export function setWarningHandler(next: WarningHandler): void {
  handler = next;
}

/** Emits a coded warning once per distinct message. */
const emitted = new Set<string>();
export function warnOnce(code: string, message: string): void {
  const key = `${code}:${message}`;
  if (emitted.has(key)) return;
  emitted.add(key);
  handler(code, message);
}
