import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import '@strata-ml/core'; // registers tfjs-core's gradients
import { kernelConfigs } from '../kernels';
import { cnn, mlp, trainStep, accuracy, type ReferenceModel } from './reference-models';

/** The kernels one training step and one evaluation of `model` run, recorded on the CPU backend. */
async function kernelsOf(model: ReferenceModel, batch: number): Promise<string[]> {
  await tfc.setBackend('cpu');
  const x = tfc.randomUniform([batch, ...model.inputShape]);
  const y = tfc.oneHot(tfc.tensor1d([1, 3, 5, 7].slice(0, batch), 'int32'), 10);
  const optimizer = tfc.train.adam(0.001);
  const info = await tfc.profile(() => {
    const loss = trainStep(model, optimizer, x, y);
    const acc = accuracy(y, model.forward(x, false));
    return [loss, acc];
  });
  tfc.dispose([x, y]);
  optimizer.dispose();
  tfc.dispose(model.params);
  return [...new Set(info.kernelNames)].sort();
}

describe('kernel registry', () => {
  const registered = new Set(kernelConfigs.map((k) => k.kernelName));

  it('registers each kernel once, all for the cuda backend', () => {
    expect(kernelConfigs.length).toBe(registered.size);
    expect(kernelConfigs.every((k) => k.backendName === 'cuda')).toBe(true);
  });

  it.each([
    ['the seed MLP (Dense, relu, dropout, softmax, crossentropy, Adam, accuracy)', () => mlp(1)],
    ['the CNN (Conv2D, MaxPool, Flatten, Dropout, Dense)', () => cnn(2)],
  ])('covers every kernel that training %s runs', async (_name, make) => {
    const used = await kernelsOf(make(), 1);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !registered.has(k))).toEqual([]);
  });

  it('covers the fused Dense and Conv2D paths and their gradients', async () => {
    await tfc.setBackend('cpu');
    const info = await tfc.profile(() =>
      tfc.grads((a: tfc.Tensor, w: tfc.Tensor, b: tfc.Tensor, k: tfc.Tensor) =>
        tfc.add(
          tfc.sum(tfc.fused.matMul({ a: a as tfc.Tensor2D, b: w as tfc.Tensor2D, bias: b, activation: 'relu' })),
          tfc.sum(tfc.fused.conv2d({ x: tfc.reshape(a, [1, 2, 2, 1]) as tfc.Tensor4D, filter: k as tfc.Tensor4D, strides: 1, pad: 'same', bias: tfc.slice(b, [0], [1]), activation: 'relu' })),
        ),
      )([tfc.ones([1, 4]), tfc.ones([4, 3]), tfc.ones([3]), tfc.ones([2, 2, 1, 1])]),
    );
    expect([...new Set(info.kernelNames)].filter((k) => !registered.has(k))).toEqual([]);
  });
});
