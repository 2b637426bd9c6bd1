import { tf, setBackend, getBackend } from '@strata-ml/core';
import { Conv2D, MaxPooling2D } from '../index';
import { sample } from '../../test/harness';

/**
 * Conv2D → MaxPooling2D forward and backward on the default WASM backend (`@strata-ml/backend-wasm`, which
 * adds the gradient kernels tfjs-backend-wasm lacks), against the reference `cpu` backend.
 */
describe('Conv2D + MaxPooling2D on the wasm backend', () => {
  function run(backend: string): Promise<{ y: number[]; dx: number[]; dk: number[]; db: number[] }> {
    return setBackend(backend).then(() => {
      expect(getBackend()).toBe(backend);
      // Seeded initializers give both backends the same weights.
      const conv = new Conv2D(4, 3, {
        padding: 'same',
        activation: 'relu',
        kernelInitializer: { className: 'GlorotUniform', config: { seed: 1 } },
        biasInitializer: { className: 'RandomNormal', config: { seed: 2 } },
      });
      const pool = new MaxPooling2D(2);
      const x = sample([2, 6, 6, 3], 5);
      const f = (t: tf.Tensor): tf.Tensor => pool.apply(conv.apply(t));
      tf.dispose(f(x));
      const r = sample([2, 3, 3, 4], 6);
      const kernel = (conv.kernel as NonNullable<typeof conv.kernel>).variable;
      const bias = (conv.bias as NonNullable<typeof conv.bias>).variable;
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(f(x), r)), [kernel, bias]);
      const [dx] = tf.grads((t: tf.Tensor) => tf.sum(tf.mul(f(t), r)))([x]);
      const y = tf.tidy(() => Array.from(f(x).dataSync()));
      const result = {
        y,
        dx: Array.from((dx as tf.Tensor).dataSync()),
        dk: Array.from((grads[kernel.name] as tf.Tensor).dataSync()),
        db: Array.from((grads[bias.name] as tf.Tensor).dataSync()),
      };
      tf.dispose([x, r, value, dx as tf.Tensor, ...Object.values(grads)]);
      conv.dispose();
      return result;
    });
  }

  it('matches the cpu backend in the forward pass and in the gradients of input, kernel and bias', async () => {
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    for (const key of ['y', 'dx', 'dk', 'db'] as const) {
      expect(wasm[key].length).toBe(cpu[key].length);
      wasm[key].forEach((v, i) => expect(v).toBeCloseTo(cpu[key][i] as number, 4));
    }
    expect(cpu.dk.some((v) => v !== 0)).toBe(true);
  });
});
