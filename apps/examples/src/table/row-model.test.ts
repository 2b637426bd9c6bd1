import { layers, ready, tf } from 'strata-ml';
import { buildRowModel } from './row-model';
import { TABLE_1_3_3, type TableRow } from './rows';

const row = (n: number): TableRow => TABLE_1_3_3[n - 1] as TableRow;
const kinds = (model: { layers: { className: string }[] }): string[] => model.layers.map((l) => l.className);

beforeAll(() => ready());

describe('buildRowModel', () => {
  let before = 0;
  beforeEach(() => void (before = tf.memory().numTensors));
  afterEach(() => expect(tf.memory().numTensors).toBe(before));

  it('builds Listing 1.3.2 for row 16: 269,322 parameters, as the book counts', () => {
    const model = buildRowModel(row(16), { inputSize: 784, numLabels: 10 });
    expect(kinds(model)).toEqual(['Dense', 'Activation', 'Dropout', 'Dense', 'Activation', 'Dropout', 'Dense', 'Activation']);
    expect(model.countParams()).toBe(269322);
    expect((model.layers[2] as layers.Dropout).getConfig()['rate']).toBe(0.45);
    model.dispose();
  });

  it('reads all three numbers as hidden layers with hiddenLayers 3', () => {
    const model = buildRowModel(row(9), { inputSize: 4, numLabels: 10, hiddenLayers: 3 });
    const units = model.layers.filter((l) => l.className === 'Dense').map((l) => l.getConfig()['units']);
    expect(units).toEqual([256, 512, 256, 10]);
    model.dispose();
  });

  it('makes hidden layers linear for "ReLU no" and puts L2 on the hidden kernels', () => {
    const linear = buildRowModel(row(1), { inputSize: 4, numLabels: 10 });
    expect(kinds(linear)).toEqual(['Dense', 'Dense', 'Dense', 'Activation']);
    linear.dispose();
    const l2 = buildRowModel(row(2), { inputSize: 4, numLabels: 10 });
    const regs = l2.layers.filter((l) => l.className === 'Dense').map((l) => l.getConfig()['kernelRegularizer'] ?? null);
    expect(regs).toEqual([{ className: 'L2', config: { l2: 0.001 } }, { className: 'L2', config: { l2: 0.001 } }, null]);
    l2.dispose();
  });
});
