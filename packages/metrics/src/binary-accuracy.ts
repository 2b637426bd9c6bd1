import { tf, invalidArgument, defineOptions, optionKeys } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { squeezeOrExpandToSameRank, toFloat } from './same-rank';

/** Options of {@link binaryAccuracy}. */
export interface BinaryAccuracyOptions {
  /** A prediction above this counts as 1; default 0.5. */
  threshold?: number;
}

const BINARY_ACCURACY_OPTION_KEYS = optionKeys<BinaryAccuracyOptions>({ threshold: true });

/** Per sample, the fraction of entries where `yPred > threshold` matches the 0/1 label (mean over the last axis). */
export function binaryAccuracy(yTrue: Tensor, yPred: Tensor, options: BinaryAccuracyOptions = {}): Tensor {
  const threshold = options.threshold ?? 0.5;
  return tf.tidy(() => {
    const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
    return tf.mean(toFloat(tf.equal(t, toFloat(tf.greater(p, threshold)))), -1);
  });
}

/** Arguments of {@link BinaryAccuracy}. */
export interface BinaryAccuracyArgs extends BinaryAccuracyOptions {
  /** Name shown in logs; default `'binary_accuracy'`. */
  name?: string;
}

const BINARY_ACCURACY_OPTIONS = defineOptions<BinaryAccuracyArgs>('BinaryAccuracy', {
  ...BINARY_ACCURACY_OPTION_KEYS,
  name: true,
});

/** How often thresholded predictions match binary labels (Keras's `BinaryAccuracy`). */
export class BinaryAccuracy extends MeanMetricWrapper {
  override readonly className = 'BinaryAccuracy';
  /** A prediction above this counts as 1. */
  readonly threshold: number;

  constructor(args: BinaryAccuracyArgs = {}) {
    BINARY_ACCURACY_OPTIONS.check(args);
    const threshold = args.threshold ?? 0.5;
    if (!(threshold > 0 && threshold < 1)) {
      throw invalidArgument('BinaryAccuracy', 'threshold', 'a number in (0, 1)', args.threshold);
    }
    super((t, p) => binaryAccuracy(t, p, { threshold }), args.name ?? 'binary_accuracy');
    this.threshold = threshold;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}
