// Metadata "grammar" (GBNF, llama.cpp's grammar sampler) and "json-schema"
// (turned into GBNF by llama.cpp's json_schema_to_grammar, as WasmEdge does).
// The story model wants to continue "Once upon a time" with ", there lived
// ..."; a grammar that forbids that makes it write exactly the grammar's text.
// With greedy sampling ("temp": 0) the tokens are predictable too: every
// allowed token ties (but white space after a token outside the story, see
// scripts/tiny-llama.mjs) and the lowest id wins: a byte token, or a story
// word, which comes before the word prefixes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta, modelDir, runLlm, STORY, stats } from './llm-guest.js';

const tinyRobot = 'root ::= " tiny robot."';
const agent = { type: 'object', properties: { name: { const: 'robot' }, age: { type: 'integer', enum: [7] } }, required: ['name', 'age'] };

describe('GGML backend: grammar', () => {
  it('generates exactly the one text a grammar allows, then ends the sequence', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ grammar: tinyRobot, temp: 0 }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '64', 'output', '0', '1', '200', 'fini_single', '0', 'stream', '0', '40',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 12 " tiny robot."', `output 0 116 "${stats(5, 7)}"`,
      'fini_single 0', 'stream  |t|i|n|y| robot|. -> 100',
    ]);
  });

  it('holds under the default sampling (temp 0.8, top-k, top-p, seeded draw) too', async () => {
    const run = await runLlm(['load', 'm/story.gguf', meta({ grammar: tinyRobot }), 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64']);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 12 " tiny robot."']);
  });

  it('lets the model choose among alternatives: it takes the branch it prefers', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ grammar: 'root ::= (" two" | " one") " tiny"' }), 'init', '0',
      'prompt', '0', 'Once upon a time, there lived', 'compute', '0', 'output', '0', '0', '64', 'output', '0', '1', '200',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 9 " one tiny"', `output 0 116 "${stats(8, 2)}"`]);
  });

  it('stops a grammar that never ends at n-predict, or with ContextFull (101) at the end of the context', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ grammar: 'root ::= "a" root', temp: 0, 'n-predict': 5 }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '64', 'meta', '0', meta({ grammar: tinyRobot, 'n-predict': 3 }), 'compute', '0', 'output', '0', '0', '64',
      // llama.cpp rounds the context up to 256 tokens; the prompt takes 5.
      'meta', '0', meta({ grammar: 'root ::= "a" root', 'n-predict': -1, 'ctx-size': 64 }), 'compute', '0', 'output', '0', '1', '200',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 5 "aaaaa"', 'meta 0', 'compute 0', 'output 0 3 " ti"',
      'meta 0', 'compute 101', `output 0 118 "${stats(5, 251)}"`,
    ]);
  });

  it('set_input(1) sets, replaces and clears (with "") the grammar of one context', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', 'init', '0', 'init', '0', 'prompt', '0', 'Once upon a time', 'prompt', '1', 'Once upon a time',
      'meta', '0', meta({ grammar: tinyRobot, temp: 0 }), 'compute', '0', 'output', '0', '0', '64', 'compute', '1', 'output', '1', '0', '64',
      'meta', '0', meta({ grammar: 'root ::= ", there"' }), 'compute', '0', 'output', '0', '0', '64',
      'meta', '0', meta({ grammar: '' }), 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'init 0 1', 'prompt 0', 'prompt 0', 'meta 0', 'compute 0', 'output 0 12 " tiny robot."',
      'compute 0', `output 0 56 "${STORY}"`, 'meta 0', 'compute 0', 'output 0 7 ", there"', 'meta 0', 'compute 0', `output 0 56 "${STORY}"`,
    ]);
  });
});

describe('GGML backend: json-schema', () => {
  it('generates JSON that follows the schema, given as an object or (as WasmEdge expects) a string', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'json-schema': agent, temp: 0 }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '64', 'output', '0', '1', '200',
      'meta', '0', meta({ 'json-schema': JSON.stringify(agent), temp: 0.8 }), 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 24 "{"name":"robot","age":7}"', `output 0 117 "${stats(5, 24)}"`,
      'meta 0', 'compute 0', 'output 0 24 "{"name":"robot","age":7}"',
    ]);
  });

  it('bounds lengths as the schema says (maxLength 10: ten characters, then the closing quote)', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'json-schema': { type: 'string', maxLength: 10 }, temp: 0, 'n-predict': 40 }), 'init', '0',
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 12 ""!!!!!!!!!!""']);
  });

  it('json-schema wins over grammar in one metadata object (whatever the key order); a later grammar replaces it', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'json-schema': { enum: ['yes'] }, grammar: 'root ::= "no"', temp: 0 }), 'init', '0',
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
      'meta', '0', meta({ grammar: 'root ::= "no"' }), 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 5 ""yes""', 'meta 0', 'compute 0', 'output 0 2 "no"']);
  });
});

describe('GGML backend: grammar and json-schema, bad input', () => {
  it('refuses grammars llama.cpp cannot parse with InvalidArgument at init, as WasmEdge does, with its reason on stderr', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ grammar: 'root ::= "x' }), 'init', '0', 'load', 'm/story.gguf', meta({ grammar: 'start ::= "x"' }), 'init', '1',
      'load', 'm/story.gguf', meta({ grammar: 'root ::= foo' }), 'init', '2', 'load', 'm/story.gguf', meta({ grammar: 'root ::= root "x"' }), 'init', '3',
      'load', 'm/story.gguf', meta({ grammar: 'root ::= "x"{5000}' }), 'init', '4',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 1 -1', 'load 0 1', 'init 1 -1', 'load 0 2', 'init 1 -1', 'load 0 3', 'init 1 -1', 'load 0 4', 'init 1 -1']);
    expect(run.stderr).toContain('error parsing grammar: unexpected end of input');
    expect(run.stderr).toContain("grammar does not contain a 'root' symbol");
    expect(run.stderr).toContain("Undefined rule identifier 'foo'");
    expect(run.stderr).toContain('left recursion detected');
    expect(run.stderr).toContain('number of repetitions exceeds sane defaults');
    expect(run.stderr).toContain('[ws:wasi-nn] GGML: metadata "grammar" is not a GBNF grammar llama.cpp accepts (its reason is above). Fix the grammar');
  });

  it('refuses a repetition whose maximum is below its minimum, on which llama.cpp would never return', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ grammar: 'root ::= "a"{5,2}' }), 'init', '0',
      'load', 'm/story.gguf', meta({ 'json-schema': { type: 'array', minItems: 5, maxItems: 2 } }), 'init', '1',
      'load', 'm/story.gguf', meta({ grammar: 'root ::= "{5,2}" [{] "a"{2,} "b"{2,2} # {5,2}\n', 'n-predict': 4, temp: 0 }), 'init', '2',
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 1 -1', 'load 0 1', 'init 1 -1', 'load 0 2', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 4 "{5,2"']);
    expect(run.stderr).toContain('[ws:wasi-nn] GGML: metadata "grammar" repeats something {5,2}: a maximum below the minimum, on which llama.cpp never returns.');
    expect(run.stderr).toContain('repeats something {4,1}'); // the schema's ("," item){minItems-1,maxItems-1}
  });

  it('a bad grammar from set_input(1) is InvalidArgument and leaves the context as it was', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'n-predict': 3 }), 'init', '0', 'meta', '0', meta({ grammar: 'root ::= ((', 'n-predict': 1 }),
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64', 'stream', '0', '5',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'meta 1', 'prompt 0', 'compute 0', 'output 0 13 ", there lived"', 'stream ,| there| lived -> 100']);
  });

  it('answers InvalidEncoding (2) for a grammar or json-schema of the wrong type or with a bad escape', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', '{"grammar": 5}', 'load', 'm/story.gguf', '{"grammar": "\\q"}', 'load', 'm/story.gguf', '{"grammar": "\\ud800"}',
      'load', 'm/story.gguf', '{"json-schema": 5}', 'load', 'm/story.gguf', '{"json-schema": ["string"]}',
    ]);
    expect(run.lines).toEqual(['load 2 -1', 'load 2 -1', 'load 2 -1', 'load 2 -1', 'load 2 -1']);
  });

  it('ends with RuntimeError (5), keeping the text so far, when no token can continue the grammar', async () => {
    // GBNF "\x00": llama.cpp never lets a token produce a NUL byte.
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ grammar: 'root ::= "ab\\x00"', temp: 0 }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '64', 'fini_single', '0', 'stream', '0', '10', 'meta', '0', meta({ temp: 0.8 }), 'compute', '0',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 5', 'output 0 2 "ab"', 'fini_single 0', 'stream a|b -> 5', 'meta 0', 'compute 5']);
    expect(run.stderr).toContain('[ws:wasi-nn] GGML: no token of the model can continue the grammar after 2 generated tokens; generation stopped.');
  });

  it('bounds grammar size (256 KiB) and nesting (64): a deep grammar cannot exhaust the host stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-ggml-grammar-'));
    // 15000 rules (242 KiB), each referring to the next: llama.cpp recurses through all of them.
    const chain = ['root ::= r0', ...Array.from({ length: 15000 }, (_, i) => `r${i} ::= r${i + 1}`), 'r15000 ::= "x"'].join('\n');
    writeFileSync(join(dir, 'chain.json'), meta({ grammar: chain, temp: 0 }));
    writeFileSync(join(dir, 'big.json'), meta({ grammar: `root ::= "${'x'.repeat(256 * 1024)}"` }));
    const nested = (depth: number) => meta({ grammar: `root ::= ${'('.repeat(depth)}"x"${')'.repeat(depth)}`, temp: 0 });
    const run = await runLlm(
      [
        'load', 'm/story.gguf', '@t/chain.json', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
        'load', 'm/story.gguf', '@t/big.json', 'init', '1', 'load', 'm/story.gguf', nested(64), 'init', '2',
        'prompt', '1', 'Once upon a time', 'compute', '1', 'output', '1', '0', '64', 'load', 'm/story.gguf', nested(65), 'init', '3',
      ],
      { dirs: { t: dir } },
    );
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 1 "x"', 'load 0 1', 'init 1 -1', 'load 0 2', 'init 0 1',
      'prompt 0', 'compute 0', 'output 0 1 "x"', 'load 0 3', 'init 1 -1',
    ]);
    expect(run.stderr).toContain('[ws:wasi-nn] GGML: metadata "grammar" is 262155 bytes; ws accepts up to 262144. Shorten the grammar.');
    expect(run.stderr).toContain('[ws:wasi-nn] GGML: metadata "grammar" nests parentheses 65 deep; ws accepts up to 64 levels.');
  });

  it('refuses a json-schema llama.cpp cannot convert with InvalidArgument at load, saying why', async () => {
    const deep = `${'{"type": "array", "items": '.repeat(40)}{"type": "string"}${'}'.repeat(40)}`;
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'json-schema': '{"type": ' }), 'load', 'm/story.gguf', meta({ 'json-schema': '' }),
      'load', 'm/story.gguf', meta({ 'json-schema': { type: 'strin' } }), 'load', 'm/story.gguf', meta({ 'json-schema': { $ref: 'https://example.com/s.json' } }),
      'load', 'm/story.gguf', meta({ 'json-schema': deep }), 'load_by_name_with_config', 'story', meta({ 'json-schema': '[' }),
      'load', 'm/story.gguf', 'init', '0', 'meta', '0', meta({ 'json-schema': { type: 'strin' }, 'n-predict': 1 }),
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
    ], { preloads: [`story:GGML:AUTO:${modelDir}/story.gguf`] });
    expect(run.lines).toEqual([
      'load 1 -1', 'load 1 -1', 'load 1 -1', 'load 1 -1', 'load 1 -1', 'load_by_name_with_config 1 -1',
      'load 0 0', 'init 0 0', 'meta 1', 'prompt 0', 'compute 0', `output 0 56 "${STORY}"`,
    ]);
    expect(run.stderr).toContain('[ws:wasi-nn] GGML: metadata "json-schema" cannot be used: it is not valid JSON. Give a JSON Schema as a JSON object');
    expect(run.stderr).toContain("llama.cpp's converter refused it: JSON schema conversion failed: JSON schema error at #: unrecognized type strin.");
    expect(run.stderr).toContain('unsupported $ref https://example.com/s.json, only references into the same document are supported');
    expect(run.stderr).toContain('it nests objects and arrays more than 32 deep. Flatten the schema.');
  });
});
