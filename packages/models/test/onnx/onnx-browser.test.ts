/**
 * The exported seed MLP in a real browser: headless Chromium (Debian's `/usr/bin/chromium`, driven by
 * playwright-core) runs it with onnxruntime-web's WebAssembly backend, served from 127.0.0.1, and its
 * outputs match Strata's. `.ci/run` installs Chromium; elsewhere the test says why it cannot run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { tf, type Tensor } from '@strata-ml/core';
import { Activation, Dense, Dropout } from '@strata-ml/layers';
import { chromium } from 'playwright-core';
import { useTestBackend } from '../helpers';
import { Sequential } from '../../src/sequential';
import { modelToOnnx } from '../../src/export/onnx/export-onnx';
import { randomInput, randomize } from './onnx-check';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The package's Node entry sits in dist/, beside the browser builds and their WebAssembly.
const ORT_DIST = dirname(require.resolve('onnxruntime-web'));
const available = existsSync(CHROMIUM);
if (!available && process.env['CI'] === undefined) {
  process.stdout.write(`onnx-browser: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH); CI installs it\n`);
}

const PAGE = `<!doctype html><script src="/ort/ort.wasm.min.js"></script>`;

function serve(files: Record<string, { body: Uint8Array | string; type: string }>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (file === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}` });
  }));
}

beforeAll(useTestBackend);

(available || process.env['CI'] !== undefined ? it : it.skip)('the exported MLP runs in headless Chromium with onnxruntime-web (wasm) and matches Strata', async () => {
  const model = new Sequential({
    name: 'mlp',
    layers: [new Dense(64, { inputDim: 784 }), new Activation('relu'), new Dropout(0.45), new Dense(10), new Activation('softmax')],
  });
  randomize(model, 3);
  const ort = (name: string, type: string) => ({ body: readFileSync(join(ORT_DIST, name)), type });
  const { server, url } = await serve({
    '/': { body: PAGE, type: 'text/html' },
    '/model.onnx': { body: modelToOnnx(model), type: 'application/octet-stream' },
    '/ort/ort.wasm.min.js': ort('ort.wasm.min.js', 'text/javascript'),
    '/ort/ort-wasm-simd-threaded.mjs': ort('ort-wasm-simd-threaded.mjs', 'text/javascript'),
    '/ort/ort-wasm-simd-threaded.wasm': ort('ort-wasm-simd-threaded.wasm', 'application/wasm'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const x = randomInput([null, 784], 7, 5);
    const result = await page.evaluate(async ({ data, dims, inputName }) => {
      const ort = (globalThis as unknown as { ort: typeof import('onnxruntime-web') }).ort;
      ort.env.wasm.numThreads = 1;
      ort.env.wasm.wasmPaths = '/ort/';
      const session = await ort.InferenceSession.create('/model.onnx', { executionProviders: ['wasm'] });
      const out = await session.run({ [inputName]: new ort.Tensor('float32', Float32Array.from(data), dims) });
      const y = out[session.outputNames[0] as string] as import('onnxruntime-web').Tensor;
      return { data: Array.from(y.data as Float32Array), dims: Array.from(y.dims) };
    }, { data: Array.from(x.dataSync()), dims: x.shape, inputName: model.inputNames[0] as string });
    const expected = model.predictOnBatch(x) as Tensor;
    expect(result.dims).toEqual(expected.shape);
    const want = expected.dataSync();
    const scale = Math.max(...Array.from(want, Math.abs));
    const worst = Math.max(...result.data.map((v, i) => Math.abs(v - (want[i] as number))));
    expect(worst / scale).toBeLessThan(1e-5);
    tf.dispose([x, expected]);
  } finally {
    await browser.close();
    server.close();
    model.dispose();
  }
}, 120_000);
