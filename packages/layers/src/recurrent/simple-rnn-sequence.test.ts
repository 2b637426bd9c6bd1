import { tf, setBackend, type Tensor } from '@strata-ml/core';
import { sample, useTestBackend } from '../../test/harness';
import { hasSimpleRNNKernels, simpleRNNSequence } from './simple-rnn-sequence';

afterAll(useTestBackend);

/** The states of the sequence step by step with plain ops. */
function plainSequence(inputs: Tensor, kernel: Tensor, h0: Tensor): Tensor {
  const [time, batch, units] = inputs.shape as [number, number, number];
  let h = h0;
  const all: Tensor[] = [];
  for (let t = 0; t < time; t++) {
    const xt = tf.reshape(tf.slice(inputs, [t, 0, 0], [1, batch, units]), [batch, units]);
    h = tf.tanh(tf.add(xt, tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D)));
    all.push(h);
  }
  return tf.stack(all);
}

/** States and the gradients of a weighted sum of them with respect to the three operands. */
function statesAndGrads(sequence: (x: Tensor, u: Tensor, h: Tensor) => Tensor): Float32Array[] {
  return tf.tidy(() => {
    const x = sample([4, 3, 13], 1);
    const u = sample([13, 13], 2, -0.4, 0.4);
    const h0 = sample([3, 13], 3);
    const w = sample([4, 3, 13], 4);
    const grads = tf.grads((a: Tensor, b: Tensor, c: Tensor) => tf.sum(tf.mul(sequence(a, b, c), w)))([x, u, h0]);
    return [sequence(x, u, h0), ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

describe('simpleRNNSequence', () => {
  it('is available on wasm and not on cpu', async () => {
    await setBackend('wasm');
    expect(hasSimpleRNNKernels()).toBe(true);
    await setBackend('cpu');
    expect(hasSimpleRNNKernels()).toBe(false);
  });

  it('gives the states and, through its registered gradient, the gradients of the plain ops', async () => {
    await setBackend('cpu');
    const expected = statesAndGrads(plainSequence);
    await setBackend('wasm');
    const before = tf.memory().numTensors;
    const actual = statesAndGrads(simpleRNNSequence);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.getGradient('StrataSimpleRNN')).toBeDefined();
    expect(actual).toHaveLength(4);
    expected.forEach((e, k) => e.forEach((v, i) => expect(Math.abs((actual[k] as Float32Array)[i]! - v)).toBeLessThan(2e-5 * (1 + Math.abs(v)))));
  });
});
