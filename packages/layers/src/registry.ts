import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { Activation } from './core/activation';
import { Dense } from './core/dense';
import { InputLayer } from './core/input-layer';
import type { SerializedObject } from './initializers/initializer';
import type { Layer, LayerClass } from './layer';
import { Dropout } from './regularization/dropout';
import { Flatten } from './reshaping/flatten';
import { Reshape } from './reshaping/reshape';

// The built-in layers, registered here (not by side effect of their own modules) so that importing
// `deserializeLayer` always brings them.
const BUILT_IN: readonly LayerClass[] = [InputLayer, Dense, Activation, Dropout, Flatten, Reshape];

const registry = new Map<string, LayerClass>(BUILT_IN.map((cls) => [cls.className, cls]));

/**
 * Makes a layer class known to `deserializeLayer` under `className` (custom layers, and the model
 * classes of `@strata-ml/models`). Re-registering a name replaces the class.
 */
export function registerLayer(className: string, cls: LayerClass): void {
  if (typeof className !== 'string' || className.length === 0) {
    throw invalidArgument('registerLayer', 'className', 'a non-empty string', className);
  }
  if (cls == null || typeof cls.fromConfig !== 'function') {
    throw invalidArgument('registerLayer', 'cls', 'a Layer class with a static fromConfig', cls);
  }
  registry.set(className, cls);
}

/** The class registered under `className`, or undefined. */
export function getRegisteredLayer(className: string): LayerClass | undefined {
  return registry.get(className);
}

/** A layer's `{ className, config }`, the form `deserializeLayer` reads. */
export function serializeLayer(layer: Layer): SerializedObject {
  return { className: layer.className, config: layer.getConfig() };
}

/**
 * Rebuilds a layer from `{ className, config }` (as `serializeLayer` writes it). Throws an
 * `UnknownIdentifierError` listing the registered classes when `className` is unknown.
 */
export function deserializeLayer(serialized: SerializedObject): Layer {
  if (serialized == null || typeof serialized.className !== 'string') {
    throw invalidArgument('deserializeLayer', 'serialized', 'an object { className, config }', serialized);
  }
  const cls = registry.get(serialized.className);
  if (cls === undefined) throw unknownIdentifier('deserializeLayer', 'layer class name', serialized.className, [...registry.keys()]);
  return cls.fromConfig({ ...(serialized.config ?? {}) });
}
