import { tf, setBackend } from '@strata/core';
import '@strata/backend-wasm';
import { buildStrataModel, INPUT_SHAPES, type ModelName } from './strata-models';
async function main() {
const name = (process.argv[2] ?? 'mlp') as ModelName;
const steps = Number(process.argv[3] ?? 20);
await setBackend('wasm');
const model = buildStrataModel(name);
const n = 128 * steps;
const x = tf.randomUniform([n, ...INPUT_SHAPES[name]]);
const y = tf.oneHot(tf.randomUniform([n], 0, 10, 'int32') as tf.Tensor1D, 10);
await model.fit(tf.slice(x, 0, 256), tf.slice(y, 0, 256), { batchSize: 128, verbose: 0 });
let t = performance.now();
await model.fit(x, y, { batchSize: 128, verbose: 0 });
console.log(name, 'fit ms/step', ((performance.now() - t) / steps).toFixed(2));
// per-kernel profile of fit
const times = new Map<string, [number, number]>();
const eng = (tf as any).engine();
const orig = eng.backend;
const b = tf.backend() as any;
const kernels = new Map<string, number>();
const origRun = eng.runKernelFunc.bind(eng);
eng.runKernelFunc = (kernelParams: any) => {
  const t0 = performance.now();
  const r = origRun(kernelParams);
  const dt = performance.now() - t0;
  const k = kernelParams.kernelName ?? 'custom';
  const e = times.get(k) ?? [0, 0];
  e[0] += dt; e[1]++;
  times.set(k, e);
  return r;
};
t = performance.now();
await model.fit(x, y, { batchSize: 128, verbose: 0 });
const tot = performance.now() - t;
console.log('profiled ms/step', (tot / steps).toFixed(2));
const rows = [...times.entries()].sort((a, b) => b[1][0] - a[1][0]);
let sum = 0;
for (const [k, [ms, c]] of rows) { sum += ms; }
for (const [k, [ms, c]] of rows.slice(0, 25)) console.log(k.padEnd(28), (ms / steps).toFixed(3), 'ms/step', (c / steps).toFixed(1), 'calls/step');
console.log('kernel sum', (sum / steps).toFixed(2), 'ms/step; overhead', ((tot - sum) / steps).toFixed(2));

}
void main();
