import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLogLevel, logLevelEnabled, logLevels, onLogLevelChange, setLogLevel, setWarningHandler, warnOnce, type LogLevel } from '../src/log.js';

afterEach(() => setLogLevel('warning'));

describe('log levels', () => {
  it('go from off to trace, default warning', () => {
    expect(logLevels).toEqual(['off', 'critical', 'error', 'warning', 'info', 'debug', 'trace']);
    expect(getLogLevel()).toBe('warning');
    expect(logLevelEnabled('warning')).toBe(true);
    expect(logLevelEnabled('info')).toBe(false);
  });

  it('refuse an unknown name, keeping the current level', () => {
    expect(() => setLogLevel('verbose' as LogLevel)).toThrow(TypeError);
    expect(() => setLogLevel('verbose' as LogLevel)).toThrow('Unknown log level "verbose": expected one of off, critical, error, warning, info, debug, trace');
    expect(getLogLevel()).toBe('warning');
  });

  it('include every less verbose level; off shows nothing', () => {
    setLogLevel('debug');
    expect(logLevelEnabled('info') && logLevelEnabled('critical') && logLevelEnabled('debug')).toBe(true);
    expect(logLevelEnabled('trace')).toBe(false);
    setLogLevel('off');
    expect(logLevels.filter((level) => level !== 'off' && logLevelEnabled(level))).toEqual([]);
  });

  it('are passed to listeners (the bridge forwards them to native code)', () => {
    const seen: LogLevel[] = [];
    const remove = onLogLevelChange((level) => seen.push(level));
    setLogLevel('trace');
    setLogLevel('error');
    remove();
    setLogLevel('info');
    expect(seen).toEqual(['trace', 'error']);
  });

  it('gate warnOnce: nothing below warning, and a dropped warning shows once the level allows it', () => {
    const handler = vi.fn();
    setWarningHandler(handler);
    setLogLevel('error');
    warnOnce('WS_TEST', 'quiet');
    expect(handler).not.toHaveBeenCalled();
    setLogLevel('warning');
    warnOnce('WS_TEST', 'quiet');
    warnOnce('WS_TEST', 'quiet');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith('WS_TEST', 'quiet');
  });
});
