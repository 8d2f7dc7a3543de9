// Tiny llama-architecture GGUF models with a SentencePiece ("llama")
// vocabulary, made by hand so that tests know exactly what they generate.
//
// The story model: every word of STORY is one token with a one-hot
// embedding; attention and feed-forward weights are zero, so the residual
// stream of a token is its embedding, and the output matrix maps each word to
// the next word of the story (and the last word to end-of-sequence). The
// model therefore continues any prompt ending in a story word with the rest of
// the story, deterministically, whatever the sampler settings.
// Every other token (bytes, letters, word prefixes) shares one more embedding
// slot, which the output matrix maps to "white space is unlikely": after such
// a token all tokens tie except white space, so grammar-constrained output
// (tests of "grammar" and "json-schema") has no stray spaces or newlines.
// <unk> and <s> are unlikely everywhere.
//
// The benchmark model has the same vocabulary and random weights of a useful
// size (dense work per token like a real small model).
import { writeGguf } from './gguf-writer.mjs';

export const STORY = ['▁Once', '▁upon', '▁a', '▁time', ',', '▁there', '▁lived', '▁one', '▁tiny', '▁robot', '.', '▁It', '▁counted', '▁tokens', '▁all', '▁day', '!'];

/** The vocabulary: <unk> <s> </s>, 256 byte tokens, prefixes of story words, and letters. */
function vocabulary() {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3]; // UNKNOWN, CONTROL, CONTROL
  const scores = [0, 0, 0];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6); // BYTE
    scores.push(0);
  }
  const add = (piece, score) => {
    if (tokens.includes(piece)) return;
    tokens.push(piece);
    types.push(1); // NORMAL
    scores.push(score);
  };
  // Whole words score highest; their prefixes let the SentencePiece merger reach them.
  for (const word of STORY) add(word, 0);
  for (const word of STORY) for (let n = 2; n < [...word].length; n++) add([...word].slice(0, n).join(''), -n);
  add('▁', -100);
  for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.!?') add(c, -200);
  return { tokens, types, scores };
}

function metadata(name, n) {
  const { tokens, types, scores } = vocabulary();
  return {
    meta: {
      'general.architecture': 'llama',
      'general.name': name,
      'llama.context_length': { u32: n.ctx },
      'llama.embedding_length': { u32: n.embd },
      'llama.block_count': { u32: n.layers },
      'llama.feed_forward_length': { u32: n.ff },
      'llama.attention.head_count': { u32: n.heads },
      'llama.attention.head_count_kv': { u32: n.heads },
      'llama.rope.dimension_count': { u32: n.embd / n.heads },
      'llama.attention.layer_norm_rms_epsilon': { f32: 1e-5 },
      'tokenizer.ggml.model': 'llama',
      'tokenizer.ggml.tokens': { strings: tokens },
      'tokenizer.ggml.scores': { f32s: scores },
      'tokenizer.ggml.token_type': { i32s: types },
      'tokenizer.ggml.unknown_token_id': { u32: 0 },
      'tokenizer.ggml.bos_token_id': { u32: 1 },
      'tokenizer.ggml.eos_token_id': { u32: 2 },
      'tokenizer.ggml.add_bos_token': { bool: true },
    },
    tokens,
  };
}

function layerTensors(n, fill) {
  const tensors = [];
  const t = (name, dims) => tensors.push({ name, dims, data: fill(name, dims) });
  for (let l = 0; l < n.layers; l++) {
    t(`blk.${l}.attn_norm.weight`, [n.embd]);
    t(`blk.${l}.attn_q.weight`, [n.embd, n.embd]);
    t(`blk.${l}.attn_k.weight`, [n.embd, n.embd]);
    t(`blk.${l}.attn_v.weight`, [n.embd, n.embd]);
    t(`blk.${l}.attn_output.weight`, [n.embd, n.embd]);
    t(`blk.${l}.ffn_norm.weight`, [n.embd]);
    t(`blk.${l}.ffn_gate.weight`, [n.embd, n.ff]);
    t(`blk.${l}.ffn_up.weight`, [n.embd, n.ff]);
    t(`blk.${l}.ffn_down.weight`, [n.ff, n.embd]);
  }
  return tensors;
}

const size = (dims) => dims.reduce((a, b) => a * b, 1);

/** The story model (about 200 KB). ctx: its training context length. */
export function storyModel({ ctx = 128 } = {}) {
  const n = { ctx, embd: 32, layers: 1, ff: 64, heads: 2 };
  const { meta, tokens } = metadata('ws-tiny-story', n);
  const vocab = tokens.length;
  const embedding = new Float32Array(n.embd * vocab);
  const output = new Float32Array(n.embd * vocab);
  STORY.forEach((word, slot) => {
    const id = tokens.indexOf(word);
    embedding[id * n.embd + slot] = 1;
    const next = slot + 1 < STORY.length ? tokens.indexOf(STORY[slot + 1]) : 2; // then </s>
    output[next * n.embd + slot] = 10;
  });
  const other = STORY.length; // the slot shared by every other token
  for (let id = 3; id < vocab; id++) if (!STORY.includes(tokens[id])) embedding[id * n.embd + other] = 1;
  for (const space of ['<0x09>', '<0x0A>', '<0x0D>', '<0x20>', '▁']) output[tokens.indexOf(space) * n.embd + other] = -4;
  // <unk> and <s> (written as their text, which a grammar may allow) are never likely.
  for (const special of [0, 1]) output.fill(-4, special * n.embd, (special + 1) * n.embd);
  const norm = (name, dims) => (name.endsWith('norm.weight') ? new Float32Array(size(dims)).fill(1) : new Float32Array(size(dims)));
  const tensors = [
    { name: 'token_embd.weight', dims: [n.embd, vocab], data: embedding },
    { name: 'output_norm.weight', dims: [n.embd], data: new Float32Array(n.embd).fill(1) },
    { name: 'output.weight', dims: [n.embd, vocab], data: output },
    ...layerTensors(n, norm),
  ];
  return writeGguf(meta, tensors);
}

/** The benchmark model: random weights, 6 layers of width 384 (about 50 MB). */
export function benchModel() {
  const n = { ctx: 1024, embd: 384, layers: 6, ff: 1024, heads: 6 };
  const { meta, tokens } = metadata('ws-bench', n);
  let state = 12345;
  const random = (count, scale) => Float32Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return ((state / 2 ** 32) * 2 - 1) * scale;
  });
  const fill = (name, dims) => (name.endsWith('norm.weight') ? new Float32Array(size(dims)).fill(1) : random(size(dims), 0.05));
  const tensors = [
    { name: 'token_embd.weight', dims: [n.embd, tokens.length], data: random(n.embd * tokens.length, 0.5) },
    { name: 'output_norm.weight', dims: [n.embd], data: new Float32Array(n.embd).fill(1) },
    { name: 'output.weight', dims: [n.embd, tokens.length], data: random(n.embd * tokens.length, 0.05) },
    ...layerTensors(n, fill),
  ];
  // Zero logits for <unk>, <s> and </s>: greedy decoding never ends early,
  // so every run generates exactly n-predict tokens.
  tensors[2].data.fill(0, 0, 3 * n.embd);
  return writeGguf(meta, tensors);
}
