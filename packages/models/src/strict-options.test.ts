import { UnknownOptionError, ValueError, tf } from '@strata-ml/core';
import { Dense, Input } from '@strata-ml/layers';
import { useTestBackend } from '../test/helpers';
import * as models from './index';

beforeAll(useTestBackend);

type Options = Record<string, unknown>;

/** How to construct each exported class with extra options (or why it takes none). */
const CONSTRUCT: Record<string, ((options: Options) => unknown) | { exempt: string }> = {
  Model: (o) => new models.Model(o),
  Sequential: (o) => new models.Sequential(o),
  CompiledState: { exempt: 'made by compile, whose options are checked below' },
  Callback: { exempt: 'a base for subclasses; takes no arguments' },
  CallbackList: { exempt: 'made by fit, evaluate and predict' },
  FileHandler: { exempt: 'takes a path, no options object' },
  ArrayBufferHandler: { exempt: 'takes bytes, no options object' },
  CorruptFileError: { exempt: 'an error' },
  UnsupportedFeatureError: { exempt: 'an error' },
  History: (o) => new models.History(o as never),
  TerminateOnNaN: (o) => new models.TerminateOnNaN(o as never),
  ProgbarLogger: (o) => new models.ProgbarLogger(o),
  Progbar: (o) => new models.Progbar({ target: 1, ...o }),
  EarlyStopping: (o) => new models.EarlyStopping(o),
  LearningRateScheduler: (o) => new models.LearningRateScheduler({ schedule: (_e, lr) => lr, ...o }),
  ReduceLROnPlateau: (o) => new models.ReduceLROnPlateau(o),
  CSVLogger: (o) => new models.CSVLogger({ filename: 'log.csv', ...o }),
  LambdaCallback: (o) => new models.LambdaCallback(o),
  ModelCheckpoint: (o) => new models.ModelCheckpoint({ filepath: 'm.keras', ...o }),
  BackupAndRestore: (o) => new models.BackupAndRestore({ backupDir: 'backup', ...o }),
  IndexedDBHandler: (o) => new models.IndexedDBHandler({ key: 'k', factory: {} as IDBFactory, ...o }),
  TfjsMemoryHandler: { exempt: 'takes artifacts, no options object' },
  TfjsFileHandler: (o) => new models.TfjsFileHandler('model.json', o),
  TfjsHttpHandler: (o) => new models.TfjsHttpHandler('http://127.0.0.1/model.json', o),
  TfjsIndexedDBHandler: (o) => new models.TfjsIndexedDBHandler('k', { factory: {} as IDBFactory, ...o }),
  TfjsLocalStorageHandler: (o) => new models.TfjsLocalStorageHandler('k', { storage: {} as Storage, ...o }),
};

const isClass = (v: unknown): boolean => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValueError);
    return (e as Error).message;
  }
  throw new Error('expected a ValueError');
}

async function asyncMessageOf(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(UnknownOptionError);
    return (e as Error).message;
  }
  throw new Error('expected an UnknownOptionError');
}

function compiledModel(): models.Sequential {
  const model = new models.Sequential({ layers: [new Dense(2, { inputShape: [3] })] });
  model.compile({ loss: 'mse', optimizer: 'sgd' });
  return model;
}

describe('strict options in @strata-ml/models', () => {
  it('knows how to construct every exported class', () => {
    const exported = Object.entries(models).filter(([, v]) => isClass(v)).map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(CONSTRUCT).sort());
  });

  it.each(Object.entries(CONSTRUCT).filter((e): e is [string, (o: Options) => unknown] => typeof e[1] === 'function'))(
    '%s rejects an unknown key by name',
    (name, construct) => {
      expect(() => construct({})).not.toThrow();
      expect(messageOf(() => construct({ bogusOption: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'bogusOption'`));
      expect(messageOf(() => construct({ constructor: 1 }))).toMatch(new RegExp(`^${name}: unknown option 'constructor'`));
    },
  );

  it('compile names the closest option and refuses Keras options it lacks', () => {
    const model = new models.Sequential({ layers: [new Dense(2, { inputShape: [3] })] });
    expect(messageOf(() => model.compile({ loss: 'mse', optimizer: 'sgd', metric: ['mae'] } as never))).toBe(
      "compile: unknown option 'metric' (did you mean 'metrics'?); valid options: loss, optimizer, metrics, lossWeights",
    );
    expect(messageOf(() => model.compile({ loss: 'mse', optimizer: 'sgd', run_eagerly: true } as never))).toBe(
      "compile: option 'runEagerly' (Keras's run_eagerly) is not supported yet (options are camelCase: 'run_eagerly' is 'runEagerly')",
    );
    model.dispose();
  });

  it('fit, evaluate, evaluateDict and predict reject unknown keys before touching the data', async () => {
    const model = compiledModel();
    const [x, y] = [tf.zeros([4, 3]), tf.zeros([4, 2])];
    const before = tf.memory().numTensors;
    expect(await asyncMessageOf(() => model.fit(x, y, { batch_size: 2 } as never))).toBe("fit: unknown option 'batch_size': options are camelCase, use 'batchSize'");
    expect(await asyncMessageOf(() => model.fit(x, y, { epoch: 2 } as never))).toMatch(/^fit: unknown option 'epoch' \(did you mean 'epochs'\?\); valid options: epochs, batchSize, /);
    expect(await asyncMessageOf(() => model.fit(x, y, { classWeight: {} } as never))).toBe("fit: option 'classWeight' (Keras's class_weight) is not supported yet");
    expect(await asyncMessageOf(() => model.fit(x, y, { workers: 4 } as never))).toMatch(/^fit: unknown option 'workers' \(did you mean/);
    expect(await asyncMessageOf(() => model.evaluate(x, y, { batchSize: 2, verbos: 0 } as never))).toMatch(/^evaluate: unknown option 'verbos' \(did you mean 'verbose'\?\)/);
    expect(await asyncMessageOf(() => model.evaluateDict(x, y, { steps: 1 } as never))).toBe("evaluateDict: option 'steps' (Keras's steps) is not supported yet");
    expect(await asyncMessageOf(() => model.predict(x, { batchsize: 2 } as never))).toMatch(/^predict: unknown option 'batchsize' \(did you mean 'batchSize'\?\)/);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('Model and Sequential name a misspelt inputs/layers key', () => {
    const input = Input({ shape: [2] });
    expect(messageOf(() => new models.Model({ inputs: input, output: new Dense(1).apply(input) } as never))).toMatch(
      /^Model: unknown option 'output' \(did you mean 'outputs'\?\)/,
    );
    expect(messageOf(() => new models.Sequential({ layer: [] } as never))).toMatch(/^Sequential: unknown option 'layer' \(did you mean 'layers'\?\)/);
  });

  it('summary, modelToDot, plotModel, saveModel and loadModel check their options', async () => {
    const model = compiledModel();
    expect(messageOf(() => model.summary({ linelength: 80 } as never))).toMatch(/^summary: unknown option 'linelength' \(did you mean 'lineLength'\?\)/);
    expect(messageOf(() => models.modelToDot(model, { show_shapes: true } as never))).toBe("modelToDot: unknown option 'show_shapes': options are camelCase, use 'showShapes'");
    expect(await asyncMessageOf(() => models.plotModel(model, { to_file: 'x.png' } as never))).toBe("plotModel: unknown option 'to_file': options are camelCase, use 'toFile'");
    expect(messageOf(() => models.modelToBytes(model, { includeOptimiser: true } as never))).toMatch(/^saveModel: unknown option 'includeOptimiser' \(did you mean 'includeOptimizer'\?\)/);
    const bytes = models.modelToBytes(model);
    expect(messageOf(() => models.modelFromBytes(bytes, { compiled: false } as never))).toMatch(/^loadModel: unknown option 'compiled' \(did you mean 'compile'\?\)/);
    expect(await asyncMessageOf(() => models.saveModel(model, 'm.json', { fromat: 'tfjs' } as never))).toMatch(/^saveModel: unknown option 'fromat' \(did you mean 'format'\?\)/);
    expect(await asyncMessageOf(() => models.loadModel(bytes, { maxJsonByte: 1 } as never))).toMatch(/^loadModel: unknown option 'maxJsonByte' \(did you mean 'maxJsonBytes'\?\)/);
    expect(messageOf(() => models.modelToTfjs(model, { include_optimizer: true } as never))).toBe("modelToTfjs: unknown option 'include_optimizer': options are camelCase, use 'includeOptimizer'");
    model.dispose();
  });

  it("ModelCheckpoint refuses Keras 2's period and says what replaced it", () => {
    expect(messageOf(() => new models.ModelCheckpoint({ filepath: 'm.keras', period: 2 } as never))).toBe(
      "ModelCheckpoint: option 'period' (Keras 2) was removed in Keras 3; use saveFreq, in batches",
    );
  });
});
