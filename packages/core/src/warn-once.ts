/** Warnings printed once per process, for deprecated spellings that still work (as Keras's `warnings.warn`). */

const printed = new Set<string>();

/** Prints `message` through `console.warn` the first time it is given; later calls with it do nothing. */
export function warnOnce(message: string): void {
  if (printed.has(message)) return;
  printed.add(message);
  console.warn(message);
}
