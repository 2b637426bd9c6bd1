/**
 * The rows of the seed's Table 1.3.3 ("different MLP network configurations and performance measures"),
 * with the accuracies the book reports after 20 epochs on MNIST.
 */

/** The regularization of a row: none, an L2 kernel penalty on the hidden Dense layers, or Dropout after them. */
export type RowRegularizer = { kind: 'none' } | { kind: 'l2'; factor: number } | { kind: 'dropout'; rate: number };

/** The optimizers of the table, each with Keras's default settings. */
export type RowOptimizer = 'sgd' | 'adam' | 'rmsprop';

/** One configuration of Table 1.3.3 and the book's results for it. */
export interface TableRow {
  /** 1-based row number in the book's table. */
  row: number;
  /** The "Layers" column: units of layers 1 to 3, as printed (`[256, 512, 256]`). */
  units: readonly [number, number, number];
  /** The "Regularizer" column. */
  regularizer: RowRegularizer;
  /** The "Optimizer" column. */
  optimizer: RowOptimizer;
  /** The "ReLU" column: false means the hidden layers are linear. */
  relu: boolean;
  /** The book's training accuracy, percent. */
  seedTrain: number;
  /** The book's test accuracy, percent. */
  seedTest: number;
}

const none: RowRegularizer = { kind: 'none' };
const l2 = (factor: number): RowRegularizer => ({ kind: 'l2', factor });
const dropout = (rate: number): RowRegularizer => ({ kind: 'dropout', rate });

/** Table 1.3.3, row by row, as the seed prints it. */
export const TABLE_1_3_3: readonly TableRow[] = [
  { row: 1, units: [256, 256, 256], regularizer: none, optimizer: 'sgd', relu: false, seedTrain: 93.65, seedTest: 92.5 },
  { row: 2, units: [256, 256, 256], regularizer: l2(0.001), optimizer: 'sgd', relu: true, seedTrain: 99.35, seedTest: 98.0 },
  { row: 3, units: [256, 256, 256], regularizer: l2(0.01), optimizer: 'sgd', relu: true, seedTrain: 96.9, seedTest: 96.7 },
  { row: 4, units: [256, 256, 256], regularizer: none, optimizer: 'sgd', relu: true, seedTrain: 99.93, seedTest: 98.0 },
  { row: 5, units: [256, 256, 256], regularizer: dropout(0.4), optimizer: 'sgd', relu: true, seedTrain: 98.23, seedTest: 98.1 },
  { row: 6, units: [256, 256, 256], regularizer: dropout(0.45), optimizer: 'sgd', relu: true, seedTrain: 98.07, seedTest: 98.1 },
  { row: 7, units: [256, 256, 256], regularizer: dropout(0.5), optimizer: 'sgd', relu: true, seedTrain: 97.68, seedTest: 98.1 },
  { row: 8, units: [256, 256, 256], regularizer: dropout(0.6), optimizer: 'sgd', relu: true, seedTrain: 97.11, seedTest: 97.9 },
  { row: 9, units: [256, 512, 256], regularizer: dropout(0.45), optimizer: 'sgd', relu: true, seedTrain: 98.21, seedTest: 98.2 },
  { row: 10, units: [512, 512, 512], regularizer: dropout(0.2), optimizer: 'sgd', relu: true, seedTrain: 99.45, seedTest: 98.3 },
  { row: 11, units: [512, 512, 512], regularizer: dropout(0.4), optimizer: 'sgd', relu: true, seedTrain: 98.95, seedTest: 98.3 },
  { row: 12, units: [512, 1024, 512], regularizer: dropout(0.45), optimizer: 'sgd', relu: true, seedTrain: 98.9, seedTest: 98.2 },
  { row: 13, units: [1024, 1024, 1024], regularizer: dropout(0.4), optimizer: 'sgd', relu: true, seedTrain: 99.37, seedTest: 98.3 },
  { row: 14, units: [256, 256, 256], regularizer: dropout(0.6), optimizer: 'adam', relu: true, seedTrain: 98.64, seedTest: 98.2 },
  { row: 15, units: [256, 256, 256], regularizer: dropout(0.55), optimizer: 'adam', relu: true, seedTrain: 99.02, seedTest: 98.3 },
  { row: 16, units: [256, 256, 256], regularizer: dropout(0.45), optimizer: 'adam', relu: true, seedTrain: 99.39, seedTest: 98.5 },
  { row: 17, units: [256, 256, 256], regularizer: dropout(0.45), optimizer: 'rmsprop', relu: true, seedTrain: 98.75, seedTest: 98.1 },
  { row: 18, units: [128, 128, 128], regularizer: dropout(0.45), optimizer: 'adam', relu: true, seedTrain: 98.7, seedTest: 97.7 },
];

/** The "Layers" column as the book prints it: `256-512-256`. */
export function formatUnits(row: TableRow): string {
  return row.units.join('-');
}

/** The "Regularizer" column: `none`, `L2(0.001)`, `Dropout(0.45)`. */
export function formatRegularizer(regularizer: RowRegularizer): string {
  if (regularizer.kind === 'l2') return `L2(${regularizer.factor})`;
  if (regularizer.kind === 'dropout') return `Dropout(${regularizer.rate})`;
  return 'none';
}

/** The "Optimizer" column: `SGD`, `Adam`, `RMSprop`. */
export function formatOptimizer(optimizer: RowOptimizer): string {
  return { sgd: 'SGD', adam: 'Adam', rmsprop: 'RMSprop' }[optimizer];
}
