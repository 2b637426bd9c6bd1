import { tf, RuntimeError, ValueError } from '@strata-ml/core';
import { Adam } from './adam';
import { SGD } from './sgd';
import { ExponentialDecay } from './schedules/exponential-decay';
import { getOptimizer } from './get-optimizer';
import type { ElementRule } from '../test/reference';
import { expectMatchesReference, INIT, makeGradients, optimizerRun, SHAPES } from '../test/reference';
import { expectClose, expectNoReadBack, useCpuBackend } from '../test/helpers';

useCpuBackend();

const sgdMomentum: ElementRule = (w, g, s, lr) => {
  s['m'] = 0.9 * (s['m'] as number) - lr * g;
  return w + (s['m'] as number);
};
const adamRule: ElementRule = (w, g, s, lr, t) => {
  s['m'] = (s['m'] as number) + (g - (s['m'] as number)) * 0.1;
  s['v'] = (s['v'] as number) + (g * g - (s['v'] as number)) * 0.001;
  return w - ((lr * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t)) * (s['m'] as number) / (Math.sqrt(s['v'] as number) + 1e-7);
};
const sgdSlots = () => ({ m: 0 });
const adamSlots = () => ({ m: 0, v: 0 });

function makeVars(): tf.Variable[] {
  return INIT.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i])));
}

describe('Optimizer base: clipping and weight decay', () => {
  it('clipnorm rescales each gradient to norm <= clipnorm', () => {
    expectMatchesReference(new SGD({ learningRate: 0.1, momentum: 0.9, clipnorm: 0.5 }), { rule: sgdMomentum, slots: sgdSlots, lr: () => 0.1, clipnorm: 0.5 });
  });

  it('globalClipnorm rescales all gradients together', () => {
    expectMatchesReference(new Adam({ learningRate: 0.1, globalClipnorm: 0.8 }), { rule: adamRule, slots: adamSlots, lr: () => 0.1, globalClipnorm: 0.8 });
  });

  it('clipvalue clips each element', () => {
    expectMatchesReference(new SGD({ learningRate: 0.1, momentum: 0.9, clipvalue: 0.3 }), { rule: sgdMomentum, slots: sgdSlots, lr: () => 0.1, clipvalue: 0.3 });
  });

  it('a gradient already inside clipnorm is left alone', () => {
    const v = tf.variable(tf.tensor1d([0, 0]));
    new SGD({ learningRate: 1, clipnorm: 10 }).applyGradients([[tf.tensor1d([3, 4]), v]]);
    expectClose(v, [-3, -4]);
    const w = tf.variable(tf.tensor1d([0, 0]));
    new SGD({ learningRate: 1, clipnorm: 1 }).applyGradients([[tf.tensor1d([3, 4]), w]]);
    expectClose(w, [-0.6, -0.8]);
  });

  it('only one clipping argument may be set', () => {
    expect(() => new SGD({ clipnorm: 1, clipvalue: 1 })).toThrow(ValueError);
    expect(() => new SGD({ clipnorm: 1, globalClipnorm: 2 })).toThrow(
      'SGD: only one of clipnorm, clipvalue and globalClipnorm can be set; received clipnorm=1, globalClipnorm=2',
    );
    expect(() => new Adam({ clipnorm: -1 })).toThrow('Adam: clipnorm must be a positive number; received clipnorm=-1');
  });

  it('weight decay is decoupled: w -= w·wd·lr before the update', () => {
    const v = tf.variable(tf.tensor1d([2, -4]));
    new SGD({ learningRate: 0.1, weightDecay: 0.5 }).applyGradients([[tf.tensor1d([1, 1]), v]]);
    // 2 - 2·0.05 = 1.9, then - 0.1 → 1.8; -4 + 0.2 = -3.8, then - 0.1 → -3.9.
    expectClose(v, [1.8, -3.9]);
    expectMatchesReference(new SGD({ learningRate: 0.1, momentum: 0.9, weightDecay: 0.1 }), { rule: sgdMomentum, slots: sgdSlots, lr: () => 0.1, weightDecay: 0.1 });
  });
});

describe('Optimizer base: learning rate', () => {
  it('a schedule is evaluated at the iteration count before each step', () => {
    const schedule = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5 });
    const opt = new SGD({ learningRate: schedule, momentum: 0.9 });
    expect(opt.learningRate).toBeCloseTo(0.1, 12);
    expectMatchesReference(opt, { rule: sgdMomentum, slots: sgdSlots, lr: (s) => 0.1 * 0.5 ** (s / 2) });
    expect(opt.iterations).toBe(5);
    expect(opt.learningRate).toBeCloseTo(0.1 * 0.5 ** 2.5, 12);
    expect(opt.schedule).toBe(schedule);
  });

  it('a fixed rate can be set between steps (ReduceLROnPlateau); a scheduled one cannot', () => {
    const opt = new SGD({ learningRate: 0.1 });
    const v = tf.variable(tf.tensor1d([1]));
    opt.applyGradients([[tf.tensor1d([1]), v]]);
    opt.learningRate = 0.01;
    opt.applyGradients([[tf.tensor1d([1]), v]]);
    expectClose(v, [1 - 0.1 - 0.01]);
    expect(() => {
      opt.learningRate = -1;
    }).toThrow('SGD: learningRate must be a non-negative number; received learningRate=-1');
    const scheduled = new SGD({ learningRate: new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.9 }) });
    expect(() => {
      scheduled.learningRate = 0.5;
    }).toThrow(RuntimeError);
  });

  it('rejects a bad learning rate', () => {
    expect(() => new Adam({ learningRate: Number.NaN })).toThrow('Adam: learningRate must be a non-negative number or a LearningRateSchedule; received learningRate=NaN');
  });
});

describe('Optimizer base: slots keyed by variable', () => {
  it('a subset, or another order, keeps each variable with its own state', () => {
    const grads = makeGradients(3, INIT.map((v) => v.length));
    const [a, b] = makeVars() as [tf.Variable, tf.Variable];
    const opt = new Adam({ learningRate: 0.1 });
    const g = (s: number, v: number) => tf.tensor((grads[s] as number[][])[v] as number[], SHAPES[v]);
    opt.applyGradients([[g(0, 0), a], [g(0, 1), b]]);
    opt.applyGradients([[g(1, 1), b]]);
    opt.applyGradients([[g(2, 1), b], [g(2, 0), a]]);
    // Reference: a sees steps t = 1 and 3, b sees t = 1, 2, 3; each with its own moments.
    const run = (v: number, steps: number[]) =>
      (INIT[v] as number[]).map((w0, i) => {
        const s = adamSlots();
        return steps.reduce((w, step) => adamRule(w, ((grads[step] as number[][])[v] as number[])[i] as number, s, 0.1, step + 1), w0);
      });
    expectClose(a, run(0, [0, 2]), 1e-6, 1e-7);
    expectClose(b, run(1, [0, 1, 2]), 1e-6, 1e-7);
  });

  it('rejects mismatched gradients and repeated variables', () => {
    const v = tf.variable(tf.zeros([2, 3]));
    const opt = new SGD();
    expect(() => opt.applyGradients([[tf.zeros([3]), v]])).toThrow(`SGD.applyGradients: expected the gradient of '${v.name}' to have shape [2, 3], received shape [3]`);
    expect(() => opt.applyGradients([[tf.zeros([2, 3]), v], [tf.zeros([2, 3]), v]])).toThrow(`SGD.applyGradients: variable '${v.name}' appears twice`);
  });

  it('an empty list is a no-op', () => {
    const opt = new Adam();
    opt.applyGradients([]);
    expect(opt.iterations).toBe(0);
  });
});

describe('Optimizer base: getWeights / setWeights', () => {
  function resumeCheck(prepare: (fresh: Adam, vars: tf.Variable[]) => void): void {
    const grads = makeGradients(4, INIT.map((v) => v.length));
    const first = new Adam({ learningRate: 0.1, amsgrad: true });
    const vars = makeVars();
    const step = (opt: Adam, vs: tf.Variable[], s: number) => {
      const g = (grads[s] as number[][]).map((x, i) => tf.tensor(x, SHAPES[i]));
      opt.applyGradients(g.map((gi, i) => [gi, vs[i] as tf.Variable] as const));
      tf.dispose(g);
    };
    for (let s = 0; s < 3; s++) step(first, vars, s);
    const saved = first.getWeights();
    expect(saved.length).toBe(1 + 3 * 2);
    expect(saved[0]?.dataSync()[0]).toBe(3);
    const copies = vars.map((v) => tf.variable(tf.clone(v)));
    const resumed = new Adam({ learningRate: 0.1, amsgrad: true });
    prepare(resumed, copies);
    resumed.setWeights(saved);
    tf.dispose(saved);
    expect(resumed.iterations).toBe(3);
    step(first, vars, 3);
    step(resumed, copies, 3);
    vars.forEach((v, i) => expectClose(copies[i] as tf.Variable, Array.from(v.dataSync()), 0, 0));
  }

  it('resuming a fresh optimizer gives the same next step (slots restored when created)', () => {
    resumeCheck(() => undefined);
  });

  it('resuming an optimizer that already has slots gives the same next step', () => {
    resumeCheck((fresh, vars) => {
      fresh.applyGradients(vars.map((v) => [tf.zerosLike(v), v] as const));
    });
  });

  it('a restored state not yet applied is saved again as it was restored', () => {
    const opt = new SGD({ momentum: 0.9 });
    opt.setWeights([tf.scalar(7, 'int32'), tf.tensor([1, 2]), tf.tensor([3])]);
    const again = opt.getWeights();
    expect(again.map((t) => Array.from(t.dataSync()))).toEqual([[7], [1, 2], [3]]);
    tf.dispose(again);
  });

  it('rejects state of the wrong size or shape', () => {
    const opt = new SGD({ momentum: 0.9 });
    const v = tf.variable(tf.zeros([2]));
    opt.applyGradients([[tf.ones([2]), v]]);
    expect(() => opt.setWeights([tf.scalar(1)])).toThrow('SGD.setWeights: expected at least 2 tensors (iterations and every slot); received 1');
    expect(() => opt.setWeights([tf.scalar(1), tf.zeros([3])])).toThrow('SGD.setWeights: expected slot 0 to have shape [2], received shape [3]');
    expect(() => opt.setWeights([])).toThrow('SGD.setWeights: expected the iteration count (a scalar) first; received no tensors');
  });
});

describe('Optimizer base: memory and speed', () => {
  it('no tensor leaks across steps, and a step reads nothing back', () => {
    const vars = makeVars();
    const grads = vars.map((v) => tf.onesLike(v));
    const opt = new Adam({ learningRate: 0.01, globalClipnorm: 1, weightDecay: 0.01 });
    opt.applyGradients(grads.map((g, i) => [g, vars[i] as tf.Variable] as const));
    const after1 = tf.memory().numTensors;
    expectNoReadBack(() => {
      for (let s = 0; s < 4; s++) opt.applyGradients(grads.map((g, i) => [g, vars[i] as tf.Variable] as const));
    });
    expect(tf.memory().numTensors).toBe(after1);
    const before = tf.memory().numTensors;
    opt.dispose();
    // Slots (m and v per variable) and cached constants are freed.
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before - 4);
  });
});

describe('Optimizer base: config', () => {
  it('round-trips through getOptimizer, schedule included', () => {
    const opt = new SGD({ learningRate: new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.9, staircase: true }), momentum: 0.5, clipvalue: 2, weightDecay: 0.01, name: 'my_sgd' });
    const config = JSON.parse(JSON.stringify(opt.getConfig())) as Record<string, unknown>;
    expect(config).toEqual({
      name: 'my_sgd',
      learningRate: { className: 'ExponentialDecay', config: { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.9, staircase: true } },
      clipvalue: 2,
      weightDecay: 0.01,
      momentum: 0.5,
      nesterov: false,
    });
    const rebuilt = getOptimizer({ className: 'SGD', config });
    expect(rebuilt.getConfig()).toEqual(config);
    expect(rebuilt.learningRate).toBeCloseTo(0.1, 12);
  });
});

it('optimizerRun helper leaves the optimizer usable', () => {
  const opt = new SGD({ learningRate: 0.1 });
  optimizerRun(opt, makeGradients(1, INIT.map((v) => v.length)));
  expect(opt.iterations).toBe(1);
});
