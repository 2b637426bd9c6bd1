/**
 * Shapes as Keras writes them: a list of dimensions where `null` is an unknown size (Keras's `None`),
 * normally the batch dimension.
 */
export type Shape = (number | null)[];

/** True when `x` is a list of shapes rather than a single shape. */
export function isShapeList(x: Shape | Shape[]): x is Shape[] {
  return x.length > 0 && Array.isArray(x[0]);
}

/** The product of the known dimensions of `shape`, or null when any dimension is unknown. */
export function shapeSize(shape: readonly (number | null)[]): number | null {
  let size = 1;
  for (const d of shape) {
    if (d == null) return null;
    size *= d;
  }
  return size;
}
