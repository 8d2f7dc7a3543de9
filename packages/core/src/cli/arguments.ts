import { parseArgs } from 'node:util';
import { logLevels, type LogLevel } from '../log.js';
import { closestName } from '../suggest.js';
import { UsageError } from './output.js';

/** How a command-line option is written and what it holds. */
export interface OptionSpec {
  /** `boolean`: a flag (`--json`; `--json=false` turns it off). `string`: takes a value. */
  type: 'boolean' | 'string';
  /** One-letter alias (`h` for `-h`). */
  short?: string;
  /**
   * A `string` option whose value may be left out, as WasmEdge's plug-in
   * options with a default value (`--greeting` alone); its value is then null.
   */
  valueOptional?: boolean;
  /** `--name=` (an empty value) is a value, not a usage error. */
  emptyAllowed?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** A given value; null: a {@link OptionSpec.valueOptional} option given without one. */
export type OptionValue = string | boolean | null;

/** Options every command accepts. */
export const commonOptions: OptionTable = {
  help: { type: 'boolean', short: 'h' },
  'log-level': { type: 'string' },
};

export interface ParseSettings {
  /** The command, for messages: `run`, `plugins`, ... */
  command: string;
  /** The command's options ({@link commonOptions} are added). */
  options: OptionTable;
  /** ws run: the first positional argument and everything after it are not parsed (the guest and its arguments). */
  stopAtPositional?: boolean;
  /** More names to suggest for a misspelled option (e.g. options of plug-ins not installed). */
  suggestions?: Iterable<string>;
  /** An error of the command's own for an unknown long option, or undefined for the usual one. */
  unknownOption?: (name: string) => Error | undefined;
}

export interface ParsedArguments {
  /** True when --help or -h was given: nothing else was checked. */
  help: boolean;
  /** Every value given, by option name, in order. */
  values: ReadonlyMap<string, readonly OptionValue[]>;
  /** Positional arguments (none with `stopAtPositional`). */
  positionals: string[];
  /** With `stopAtPositional`: where the first positional argument is in argv (argv.length when there is none). */
  stopIndex: number;
  /** The last value taken from the argument after its option, which may have been meant as a positional argument. */
  lastSeparateValue?: { name: string; value: string };
}

/**
 * Parses a command's arguments with node:util's parseArgs (tokens), then
 * checks each option: unknown (with "did you mean"), a flag given a value, a
 * value missing. A `string` option followed by nothing or by another option
 * has no value (parseArgs would take the option as its value).
 */
export function parseArguments(argv: readonly string[], settings: ParseSettings): ParsedArguments {
  const options: OptionTable = { ...commonOptions, ...settings.options };
  const args = [...argv];
  const valueLeftOut = new Set<number>();
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    const spec = /^--[^=]+$/.test(args[i]!) ? options[args[i]!.slice(2)] : undefined;
    const next = args[i + 1];
    if (spec?.type === 'string' && (next === undefined || (next.startsWith('-') && next !== '-'))) {
      // Same index, so tokens still point into argv.
      args[i] = `${args[i]}=`;
      valueLeftOut.add(i);
    }
  }
  const parseArgsOptions = Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
  );
  const { tokens } = parseArgs({ args, options: parseArgsOptions, strict: false, allowPositionals: true, tokens: true });

  const result: ParsedArguments & { values: Map<string, OptionValue[]> } = { help: false, values: new Map(), positionals: [], stopIndex: argv.length };
  const optionTokens = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (settings.stopAtPositional) {
        result.stopIndex = token.index;
        break;
      }
      result.positionals.push(token.value);
    } else if (token.kind === 'option') {
      if (token.name === 'help') result.help = true;
      optionTokens.push(token);
    }
  }
  if (result.help) return result;

  for (const token of optionTokens) {
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) throw unknownOption(token.rawName.startsWith('--') ? token.rawName : argv[token.index]!, options, settings);
    let value: OptionValue;
    if (spec.type === 'boolean') {
      if (token.value !== undefined && token.value !== 'true' && token.value !== 'false') {
        throw new UsageError(`${token.rawName} is a flag and takes no value (or =true, =false), got ${JSON.stringify(token.value)}.`);
      }
      value = token.value !== 'false';
    } else if (token.value === undefined || valueLeftOut.has(token.index)) {
      if (!spec.valueOptional) throw new UsageError(`${token.rawName} needs a value.`);
      value = null;
    } else {
      if (token.value === '' && !spec.emptyAllowed) throw new UsageError(`${token.rawName} needs a value.`);
      value = token.value;
      if (!token.inlineValue) result.lastSeparateValue = { name: token.name, value };
    }
    result.values.set(token.name, [...(result.values.get(token.name) ?? []), value]);
  }
  return result;
}

function unknownOption(raw: string, options: OptionTable, settings: ParseSettings): Error {
  const help = `Run ws ${settings.command} --help for the options`;
  if (!raw.startsWith('--')) {
    const guest = settings.stopAtPositional ? ', or put -- before a guest file whose name starts with a dash' : '';
    return new UsageError(`unknown option ${raw}: options start with two dashes (--name). ${help}${guest}.`);
  }
  const name = raw.slice(2);
  const own = settings.unknownOption?.(name);
  if (own) return own;
  const suggestion = closestName(name, [...Object.keys(options), ...(settings.suggestions ?? [])]);
  return new UsageError(`unknown option ${raw}.${suggestion ? ` Did you mean --${suggestion}?` : ''} ${help}.`);
}

/** The last value of a string option (undefined when not given). */
export function lastString(parsed: ParsedArguments, name: string): string | undefined {
  const value = parsed.values.get(name)?.at(-1);
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string option. */
export function allStrings(parsed: ParsedArguments, name: string): string[] {
  return (parsed.values.get(name) ?? []).filter((value): value is string => typeof value === 'string');
}

/** True when a flag was given and not turned off. */
export function flag(parsed: ParsedArguments, name: string): boolean {
  return parsed.values.get(name)?.at(-1) === true;
}

/** Throws when the command was given more positional arguments than `most`. */
export function checkPositionals(parsed: ParsedArguments, command: string, most: number, usage: string): void {
  if (parsed.positionals.length <= most) return;
  const takes = most === 0 ? 'no arguments' : most === 1 ? 'one argument' : `${most} arguments`;
  throw new UsageError(`ws ${command} takes ${takes}, got ${parsed.positionals.join(' ')}.\n${usage}`);
}

/** A value that is not what the option takes: `ws run: --env needs NAME=VALUE, got FOO.` */
export function badValue(command: string, option: string, expected: string, got: string): UsageError {
  return new UsageError(`ws ${command}: --${option} needs ${expected}, got ${got}.`);
}

/** A --log-level value, checked: `off`, `critical`, `error`, `warning`, `info`, `debug` or `trace` (`fatal`, wasmedge's name, is `critical`). */
export function logLevelValue(command: string, value: string): LogLevel {
  if (value === 'fatal') return 'critical';
  if ((logLevels as readonly string[]).includes(value)) return value as LogLevel;
  throw badValue(command, 'log-level', `one of ${logLevels.join(', ')}`, JSON.stringify(value));
}
