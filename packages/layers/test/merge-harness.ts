/** Test helpers for layers that take a list of inputs (the merging layers). */
import { tf } from '@strata-ml/core';
import { deserializeLayer, serializeLayer, type Layer } from '../src/index';

/** Applies `layer` to `inputs` and reads the output back. */
export function applyToList(layer: Layer, inputs: tf.Tensor[]): number[] {
  return tf.tidy(() => Array.from((layer.apply(inputs) as tf.Tensor).dataSync()));
}

/** Rebuilds `layer` from its JSON config through the registry and checks that it computes the same. */
export function expectMergeRoundTrip(layer: Layer, inputs: tf.Tensor[]): void {
  const copy = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer))));
  expect(copy.className).toBe(layer.className);
  expect(copy.getConfig()).toEqual(layer.getConfig());
  expect(applyToList(copy, inputs)).toEqual(applyToList(layer, inputs));
}
