// Errors thrown on the isolated side, sent back as plain data and rebuilt as
// the same classes (instanceof, code and fields kept), so that a caller sees
// what it would have seen in its own thread.
import { GasLimitError, GuestTerminated, HostFunctionError, ImportResolutionError, PluginLoadError, WsError } from '../../errors.js';

export interface SerializedError {
  name: string;
  message: string;
  stack: string | undefined;
  /** Own enumerable fields: code, path, unresolved, plugin, function, ... */
  fields: Record<string, unknown>;
}

const classes: Record<string, new (...args: never[]) => Error> = {
  WsError,
  GasLimitError,
  PluginLoadError,
  ImportResolutionError,
  HostFunctionError,
  GuestTerminated,
  RuntimeError: WebAssembly.RuntimeError,
  CompileError: WebAssembly.CompileError,
  LinkError: WebAssembly.LinkError,
  TypeError,
  RangeError,
  Error,
};

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    try {
      fields[key] = structuredClone(value);
    } catch {
      // A field that cannot be cloned (a function, a handle) stays behind.
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

export function reviveError(data: SerializedError): Error {
  // A coded error of a class not listed here (a newer one) is still a WsError.
  const Class = classes[data.name] ?? (typeof data.fields.code === 'string' && data.fields.code.startsWith('WS_') ? WsError : Error);
  // No constructor call: the subclasses build their message from parts.
  const error = Object.create(Class.prototype) as Error;
  Object.defineProperty(error, 'message', { value: data.message, writable: true, configurable: true });
  if (data.stack !== undefined) Object.defineProperty(error, 'stack', { value: data.stack, writable: true, configurable: true });
  for (const [key, value] of Object.entries(data.fields)) Object.defineProperty(error, key, { value, writable: true, enumerable: true, configurable: true });
  if (!Object.hasOwn(data.fields, 'name') && error.name !== data.name) Object.defineProperty(error, 'name', { value: data.name, writable: true, configurable: true });
  return error;
}
