/**
 * tfjs-layers calls chained tensor methods (`x.flatten()` in the orthogonal initializer of SimpleRNN),
 * which only the `@tensorflow/tfjs` union package installs; tfjs-core's own installer ships as ES modules
 * that Node cannot load from CommonJS. For the stock side of the benchmark this adds every tfjs-core op as
 * a method (`x.abs()` calls `tf.abs(x)`), and the reshaping and casting helpers by their meaning.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Installs the chained methods on tfjs-core's `Tensor`; methods it already has are left alone. */
export function installChainedOps(): void {
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  const define = (name: string, fn: (this: tf.Tensor, ...args: never[]) => unknown): void => {
    if (!(name in proto)) proto[name] = fn;
  };
  for (const [name, op] of Object.entries(tf)) {
    if (typeof op === 'function' && /^[a-z]/.test(name)) {
      define(name, function (this: tf.Tensor, ...args: never[]) {
        return (op as (...a: unknown[]) => unknown)(this, ...args);
      });
    }
  }
  define('flatten', function () { return tf.reshape(this, [this.size]); });
  define('asScalar', function () { return tf.reshape(this, []); });
  define('as1D', function () { return tf.reshape(this, [this.size]); });
  define('as2D', function (this: tf.Tensor, rows: number, cols: number) { return tf.reshape(this, [rows, cols]); });
  define('asType', function (this: tf.Tensor, dtype: tf.DataType) { return tf.cast(this, dtype); });
  define('toFloat', function () { return tf.cast(this, 'float32'); });
  define('toInt', function () { return tf.cast(this, 'int32'); });
  define('toBool', function () { return tf.cast(this, 'bool'); });
}
