import { tf, Tensor, ValueError } from '@strata-ml/core';
import { Bidirectional, LSTM, SimpleRNN, SymbolicTensor, type RNNCallArgs } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

/** A Bidirectional running sum: both directions are linear SimpleRNNs with identity kernels. */
function runningSums(args: ConstructorParameters<typeof Bidirectional>[1] = {}, returnSequences = true, returnState = false): Bidirectional {
  const layer = new Bidirectional(new SimpleRNN(1, { activation: 'linear', returnSequences, returnState }), args);
  layer.build([null, 3, 1]);
  const values = [[[1]], [[1]], [0], [[1]], [[1]], [0]].map((v) => tf.tensor(v));
  layer.setWeights(values);
  tf.dispose(values);
  return layer;
}

describe('Bidirectional', () => {
  const x = (): Tensor => tf.tensor3d([[[1], [2], [4]]]);

  it('merges the forward pass with the backward pass put back in input order', () => {
    // Forward running sums 1, 3, 7; backward (from the end) 7, 6, 4 in input order.
    const cases: [ConstructorParameters<typeof Bidirectional>[1], unknown][] = [
      [{}, [[[1, 7], [3, 6], [7, 4]]]],
      [{ mergeMode: 'sum' }, [[[8], [9], [11]]]],
      [{ mergeMode: 'mul' }, [[[7], [18], [28]]]],
      [{ mergeMode: 'ave' }, [[[4], [4.5], [5.5]]]],
    ];
    const input = x();
    for (const [args, expected] of cases) {
      const layer = runningSums(args);
      const y = layer.apply(input);
      expect(y.arraySync()).toEqual(expected);
      y.dispose();
      layer.dispose();
    }
    const both = runningSums({ mergeMode: null });
    const [f, b] = both.apply([input]) as Tensor[];
    expect([f?.arraySync(), b?.arraySync()]).toEqual([[[[1], [3], [7]]], [[[7], [6], [4]]]]);
    tf.dispose([input, f as Tensor, b as Tensor]);
    both.dispose();
  });

  it('returns the last outputs of both directions and, with returnState, forward then backward states', () => {
    const input = x();
    const layer = runningSums({}, false, true);
    const [y, hf, hb] = layer.apply([input]) as Tensor[];
    expect([y?.arraySync(), hf?.arraySync(), hb?.arraySync()]).toEqual([[[7, 7]], [[7]], [[7]]]);
    expect(layer.computeOutputShape([null, 3, 1])).toEqual([[null, 2], [null, 1], [null, 1]]);
    const h0 = tf.tensor2d([[10]]);
    const h1 = tf.tensor2d([[100]]);
    const kwargs: RNNCallArgs = { initialState: [h0, h1] };
    const [z] = layer.apply([input], kwargs) as Tensor[];
    expect(z?.arraySync()).toEqual([[17, 107]]);
    expect(() => layer.apply([input, h0])).toThrow('initialState must hold the forward states then the backward states');
    tf.dispose([input, y as Tensor, hf as Tensor, hb as Tensor, h0, h1, z as Tensor]);
    layer.dispose();
  });

  it('builds a fresh forward copy and a goBackwards backward copy, weights forward first', () => {
    const inner = new LSTM(3, { name: 'lstm_b', returnSequences: true });
    const layer = new Bidirectional(inner);
    expect(layer.forwardLayer).not.toBe(inner);
    expect([layer.forwardLayer.name, layer.backwardLayer.name]).toEqual(['forward_lstm_b', 'backward_lstm_b']);
    expect([layer.forwardLayer.goBackwards, layer.backwardLayer.goBackwards]).toEqual([false, true]);
    const out = layer.apply(new SymbolicTensor({ shape: [null, 5, 2] }));
    expect(out.shape).toEqual([null, 5, 6]);
    expect(layer.weights).toEqual([...layer.forwardLayer.weights, ...layer.backwardLayer.weights]);
    expect(layer.weights.map((w) => w.name)).toEqual(['kernel', 'recurrent_kernel', 'bias', 'kernel', 'recurrent_kernel', 'bias']);
    expect(layer.countParams()).toBe(2 * (2 * 12 + 3 * 12 + 12));
    layer.dispose();
    inner.dispose();
  });

  it('passes the gradient check and round-trips its config', () => {
    const input = sample([2, 3, 2], 5);
    const layer = new Bidirectional(new LSTM(2, { returnSequences: true }), { mergeMode: 'mul' });
    expectLayerGradients(layer, input);
    expectConfigRoundTrip(layer, input).dispose();
    const before = tf.memory().numTensors;
    tf.dispose(layer.apply(input, { training: true }));
    expect(tf.memory().numTensors).toBe(before);
    input.dispose();
    layer.dispose();
  });

  it('rejects bad merge modes and mismatched backward layers', () => {
    expect(() => new Bidirectional(new SimpleRNN(2), { mergeMode: 'max' as never })).toThrow(
      "Bidirectional: mergeMode must be one of 'concat', 'sum', 'mul', 'ave', null; received mergeMode=\"max\"",
    );
    expect(() => new Bidirectional(new SimpleRNN(2), { backwardLayer: new SimpleRNN(2) })).toThrow(ValueError);
    expect(() => new Bidirectional(new SimpleRNN(2), { backwardLayer: new SimpleRNN(2, { goBackwards: true, returnSequences: true }) })).toThrow(
      'Bidirectional: the forward and backward layers must agree in returnSequences; received false (forward) and true (backward)',
    );
  });
});
