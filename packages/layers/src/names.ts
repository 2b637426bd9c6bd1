/**
 * Automatic names. Layers are named after their class in snake case with a per-prefix counter, as Keras
 * does (`dense`, `dense_1`, …); tfjs variable names must be unique across the whole engine.
 */

const layerNameCounts = new Map<string, number>();
const variableNameCounts = new Map<string, number>();

/** `GlobalAveragePooling2D` → `global_average_pooling2d`; `leakyRelu` → `leaky_relu`. */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The automatic name prefix of a layer class, as Keras derives it: digits stay with the word before them
 * (`Conv2D` → `conv2d`, `MaxPooling2D` → `max_pooling2d`, `GlobalAveragePooling2D` → `global_average_pooling2d`).
 */
export function layerNamePrefix(className: string): string {
  return className
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The next free name for `prefix`: `prefix` itself first, then `prefix_1`, `prefix_2`, … */
export function uniqueLayerName(prefix: string): string {
  const count = layerNameCounts.get(prefix) ?? 0;
  layerNameCounts.set(prefix, count + 1);
  return count === 0 ? prefix : `${prefix}_${count}`;
}

/** A tfjs variable name no other variable has used: `path`, then `path_1`, … */
export function uniqueVariableName(path: string): string {
  const count = variableNameCounts.get(path) ?? 0;
  variableNameCounts.set(path, count + 1);
  return count === 0 ? path : `${path}_${count}`;
}

/** Forgets the layer name counters, so that the next `Dense` is named `dense` again (Keras's `clear_session`). */
export function resetLayerNames(): void {
  layerNameCounts.clear();
}
