import { Tensor, ValueError, invalidArgument } from '@strata-ml/core';

/** Data for a model's inputs or outputs: one tensor, one per input/output in order, or a record by name. */
export type ModelData = Tensor | Tensor[] | Record<string, Tensor>;

const list = (names: string[]): string => names.map((n) => `'${n}'`).join(', ');

/**
 * Turns `data` into one tensor per name, in order. A record must name each entry exactly once; an array
 * must have one tensor per name; a single tensor fits a model with one input (or output).
 */
export function toTensorList(where: string, arg: string, data: ModelData, names: string[]): Tensor[] {
  if (data instanceof Tensor) {
    if (names.length !== 1) {
      throw new ValueError(`${where}: the model has ${names.length} ${arg === 'x' ? 'inputs' : 'outputs'} (${list(names)}); ${arg} must be an array or a record of ${names.length} tensors; received one Tensor`);
    }
    return [data];
  }
  if (Array.isArray(data)) {
    if (data.length !== names.length) {
      throw new ValueError(`${where}: ${arg} must hold ${names.length} tensor(s), one for each of ${list(names)}; received ${data.length}`);
    }
    return data;
  }
  if (data === null || typeof data !== 'object') throw invalidArgument(where, arg, 'a Tensor, an array of Tensors or a record of Tensors by name', data);
  for (const key of Object.keys(data)) {
    if (!names.includes(key)) throw new ValueError(`${where}: ${arg} has an entry '${key}' that names no model ${arg === 'x' ? 'input' : 'output'}; expected ${list(names)}`);
  }
  return names.map((name) => {
    const t = data[name];
    if (t === undefined) throw new ValueError(`${where}: ${arg} has no entry for '${name}'; expected ${list(names)}`);
    return t;
  });
}
