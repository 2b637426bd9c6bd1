/**
 * TF.js-format models over HTTP(S). Loading fetches `model.json`, then its shards relative to it (from the
 * same origin only, so a hostile `model.json` cannot send requests elsewhere), each read in a stream that
 * stops past the bytes the manifest allows, under a time limit. Saving POSTs the model as TF.js's
 * `tf.io.http` does: a multipart form with `model.json` and `model.weights.bin`.
 */
import { defineOptions, formatValue, invalidArgument, RuntimeError } from '@strata-ml/core';
import { CorruptFileError } from '../errors';
import { joinWeightData, tfjsLimits, type TfjsArtifacts, type TfjsReadArgs } from './artifacts';
import type { TfjsIOHandler } from './tfjs-io-handler';
import { fromModelJsonFiles, parseModelJson } from './model-json';

/** Options of {@link TfjsHttpHandler}. */
export interface TfjsHttpHandlerArgs extends TfjsReadArgs {
  /** The `fetch` to use (default the global one). */
  fetch?: typeof fetch;
  /** Extra request options (headers, credentials); the method and body are set by the handler. */
  requestInit?: RequestInit;
  /** Time limit of each request, in milliseconds (default 60,000). */
  timeoutMs?: number;
}

const TFJS_HTTP_HANDLER_OPTIONS = defineOptions<TfjsHttpHandlerArgs>('TfjsHttpHandler', {
  fetch: true, requestInit: true, timeoutMs: true, maxJsonBytes: true, maxWeightBytes: true, maxWeights: true,
});

async function readBounded(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw new CorruptFileError(`${what} declares ${declared} bytes, more than the ${maxBytes} expected`);
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new CorruptFileError(`${what} sends more than the ${maxBytes} bytes expected`);
    }
    chunks.push(value);
  }
  return joinWeightData(chunks.map((c) => c.slice().buffer));
}

/** A TF.js model at an `http(s)://` URL: its `model.json` for loading, the upload endpoint for saving. */
export class TfjsHttpHandler implements TfjsIOHandler {
  readonly format = 'tfjs' as const;
  readonly url: string;
  private readonly args: TfjsHttpHandlerArgs;

  constructor(url: string, args: TfjsHttpHandlerArgs = {}) {
    if (!/^https?:\/\//i.test(url)) throw invalidArgument('TfjsHttpHandler', 'url', 'an http:// or https:// URL', url);
    this.args = TFJS_HTTP_HANDLER_OPTIONS.check(args);
    this.url = url;
  }

  private async request(url: string, init: RequestInit, what: string): Promise<Response> {
    const doFetch = this.args.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(url, { ...this.args.requestInit, ...init, signal: AbortSignal.timeout(this.args.timeoutMs ?? 60_000) });
    } catch (e) {
      throw new RuntimeError(`${what}: request to ${url} failed (${e instanceof Error ? e.message : String(e)})`);
    }
    return response;
  }

  async load(): Promise<TfjsArtifacts> {
    const where = `loadModel: ${this.url}`;
    const limits = tfjsLimits(this.args);
    const response = await this.request(this.url, { method: 'GET' }, where);
    if (!response.ok) throw new RuntimeError(`${where}: HTTP ${response.status} ${response.statusText}`);
    const modelJson = parseModelJson(await readBounded(response, limits.maxJsonBytes, `${where}: model.json`), where, limits);
    const base = new URL(this.url);
    return fromModelJsonFiles(
      modelJson,
      async (path, maxBytes) => {
        const url = new URL(path, base);
        if (url.origin !== base.origin) throw new CorruptFileError(`${where}: shard ${formatValue(path)} is on another origin than model.json`);
        const shard = await this.request(url.href, { method: 'GET' }, where);
        if (!shard.ok) throw new CorruptFileError(`${where}: shard ${path} is missing (HTTP ${shard.status} from ${url.href})`);
        return readBounded(shard, maxBytes, `${where}: shard ${path}`);
      },
      where,
      limits,
    );
  }

  async save(artifacts: TfjsArtifacts): Promise<Response> {
    const { weightSpecs, weightData, ...rest } = artifacts;
    const modelJson = { ...rest, weightsManifest: [{ paths: ['./model.weights.bin'], weights: weightSpecs }] };
    const form = new FormData();
    form.append('model.json', new Blob([JSON.stringify(modelJson)], { type: 'application/json' }), 'model.json');
    form.append('model.weights.bin', new Blob([joinWeightData(weightData).slice().buffer], { type: 'application/octet-stream' }), 'model.weights.bin');
    const response = await this.request(this.url, { method: 'POST', body: form }, 'saveModel');
    if (!response.ok) throw new RuntimeError(`saveModel: ${this.url} answered HTTP ${response.status} ${response.statusText}`);
    return response;
  }
}
