// Metadata "mmproj" and "image", and images embedded in the prompt: the
// libllama of @node-llama-cpp 3.22.1 has no libmtmd (llama.cpp's multimodal
// library), so none of them can work. They are refused with WasmEdge's code
// for an unusable projector or image (InvalidArgument) and a message that
// names the key and says what would be needed, never silently ignored. An
// empty value means "not set", as in WasmEdge.
import { describe, expect, it } from 'vitest';
import { modelDir, runLlm, STORY } from './llm-guest.js';

const needs = 'needs multimodal support, which this build does not have: the libllama shipped by @node-llama-cpp 3.22.1 comes without libmtmd';

describe('GGML backend: multimodal metadata', () => {
  it('refuses mmproj at load and load_by_name_with_config, and image or mmproj from set_input(1), naming the key', async () => {
    const run = await runLlm(
      [
        'load', 'm/story.gguf', '{"mmproj": "m/mmproj-model-f16.gguf"}', 'load_by_name_with_config', 'story', '{"mmproj": "/models/mmproj.gguf", "n-predict": 2}',
        'load', 'm/story.gguf', '{"mmproj": "", "image": ""}', 'init', '0', 'meta', '0', '{"image": "cat.png"}', 'meta', '0', '{"mmproj": "p.gguf", "n-predict": 1}',
        'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
      ],
      { preloads: [`story:GGML:AUTO:${modelDir}/story.gguf`] },
    );
    expect(run.lines).toEqual([
      'load 1 -1', 'load_by_name_with_config 1 -1', 'load 0 0', 'init 0 0', 'meta 1', 'meta 1', 'prompt 0', 'compute 0', `output 0 56 "${STORY}"`,
    ]);
    expect(run.stderr).toContain(`[ws:wasi-nn] GGML: metadata "mmproj" ("m/mmproj-model-f16.gguf") ${needs}`);
    expect(run.stderr).toContain(`[ws:wasi-nn] GGML: metadata "image" ("cat.png") ${needs}`);
    expect(run.stderr).toContain("Remove \"mmproj\" and \"image\" from the metadata, or run the guest on WasmEdge's wasi_nn-ggml plug-in, which is built with libmtmd.");
  });

  it('answers InvalidEncoding (2) for a wrongly typed mmproj or image, like other keys', async () => {
    const run = await runLlm(['load', 'm/story.gguf', '{"mmproj": 3}', 'load', 'm/story.gguf', '{"image": null}']);
    expect(run.lines).toEqual(['load 2 -1', 'load 2 -1']);
  });

  it('refuses a prompt that embeds a base64 image (WasmEdge\'s <img src="data:image/...;base64,...">) with InvalidArgument', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', '{"n-predict": 3}', 'init', '0', 'prompt', '0', 'Look: <img src="data:image/png;base64,iVBORw0KGgo="> Once upon a time',
      'compute', '0', 'prompt', '0', 'An unclosed tag is text: <img src="data:image/png;base64,iVBOR Once upon a time', 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 1', 'compute 1', 'prompt 0', 'compute 0', 'output 0 13 ", there lived"']);
    expect(run.stderr).toContain('[ws:wasi-nn] GGML: the prompt embeds an image (<img src="data:image/...;base64,...">), which needs a multimodal projector ("mmproj")');
  });
});
