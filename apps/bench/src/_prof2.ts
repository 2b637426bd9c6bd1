import { tf, setBackend } from '@strata/core';
import '@strata/backend-wasm';
import { buildStrataModel } from './strata-models';
async function main() {
  await setBackend('wasm');
  let t = performance.now();
  for (let i = 0; i < 50; i++) tf.dispose(tf.randomUniform([128, 256], 0, 1, 'float32', i));
  console.log('randomUniform 128x256 ms', ((performance.now() - t) / 50).toFixed(3));
  const model = buildStrataModel('mlp');
  const x = tf.randomUniform([256, 784]);
  const y = tf.oneHot(tf.randomUniform([256], 0, 10, 'int32') as tf.Tensor1D, 10);
  await model.fit(x, y, { batchSize: 128, verbose: 0 });
  const opt = model.optimizer as any;
  const orig = opt.applyGradients.bind(opt);
  let ot = 0; let calls = 0;
  opt.applyGradients = (g: any) => { const t0 = performance.now(); orig(g); ot += performance.now() - t0; calls++; };
  const x2 = tf.randomUniform([128 * 30, 784]);
  const y2 = tf.oneHot(tf.randomUniform([128 * 30], 0, 10, 'int32') as tf.Tensor1D, 10);
  t = performance.now();
  await model.fit(x2, y2, { batchSize: 128, verbose: 0 });
  console.log('fit ms/step', ((performance.now() - t) / 30).toFixed(2), 'optimizer ms/step', (ot / calls).toFixed(2));
}
void main();
