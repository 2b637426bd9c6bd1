import { Sequential, layers } from 'strata-ml';
import type { TableRow } from './rows';

/** How many hidden layers the "Layers" column describes: see {@link buildRowModel}. */
export type HiddenLayers = 2 | 3;

/** Arguments of {@link buildRowModel}. */
export interface RowModelArgs {
  /** Pixels per image (784). */
  inputSize: number;
  /** Classes (10). */
  numLabels: number;
  /** 2 (default): the listing's network; 3: every number of the column is a hidden layer. */
  hiddenLayers?: HiddenLayers;
}

/**
 * The MLP of one row. The book calls Listing 1.3.2's network (Dense 256, Dense 256, Dense 10) a 3-layer
 * MLP, and row 16 of the table is exactly that listing with its reported 98.5%, so by default the first two
 * numbers of the "Layers" column size the two hidden layers and the output layer has `numLabels` units;
 * `hiddenLayers: 3` reads all three numbers as hidden layers instead. Each hidden Dense layer is followed
 * by ReLU (unless the row says no: linear) and by the row's Dropout; an L2 row puts the penalty on the
 * hidden layers' kernels, as the book's example does. The output is Dense + softmax.
 */
export function buildRowModel(row: TableRow, args: RowModelArgs): Sequential {
  const hidden = row.units.slice(0, args.hiddenLayers ?? 2);
  const reg = row.regularizer;
  const model = new Sequential();
  hidden.forEach((units, i) => {
    model.add(
      new layers.Dense(units, {
        ...(i === 0 ? { inputDim: args.inputSize } : {}),
        ...(reg.kind === 'l2' ? { kernelRegularizer: layers.l2(reg.factor) } : {}),
      }),
    );
    if (row.relu) model.add(new layers.Activation('relu'));
    if (reg.kind === 'dropout') model.add(new layers.Dropout(reg.rate));
  });
  model.add(new layers.Dense(args.numLabels));
  model.add(new layers.Activation('softmax'));
  return model;
}
