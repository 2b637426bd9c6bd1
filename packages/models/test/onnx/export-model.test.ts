/** `model.export(path, { format: 'onnx' })`: the file, its ONNX header, nested Sequentials, and what it refuses. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tf, type Tensor } from '@strata-ml/core';
import { Dense, InputLayer, Layer } from '@strata-ml/layers';
import { onnx } from 'onnx-proto';
import { useTestBackend } from '../helpers';
import { Sequential } from '../../src/sequential';
import { UnsupportedFeatureError } from '../../src/saving/errors';
import { compareWithOrt, randomInput, stopOrt } from './onnx-check';

const dir = mkdtempSync(join(tmpdir(), 'strata-onnx-'));
beforeAll(useTestBackend);
afterAll(() => {
  stopOrt();
  rmSync(dir, { recursive: true, force: true });
});

it('writes an opset-17 ONNX file with a dynamic batch, for a Sequential nested in a Sequential', async () => {
  const inner = new Sequential({ name: 'inner', layers: [new Dense(4, { inputShape: [3], activation: 'tanh' }), new Dense(4)] });
  const model = new Sequential({ name: 'outer', layers: [inner, new Dense(2, { activation: 'softmax' })] });
  const path = join(dir, 'nested.onnx');
  await model.export(path, { format: 'onnx' });
  const bytes = new Uint8Array(readFileSync(path));
  const proto = onnx.ModelProto.decode(bytes);
  expect(Number(proto.irVersion)).toBe(8);
  expect(proto.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
  expect(proto.producerName).toBe('Strata');
  const input = proto.graph?.input?.[0];
  expect(input?.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue))).toEqual(['batch', 3]);
  for (const batch of [1, 7]) {
    const x = randomInput([null, 3], batch, batch);
    expect((await compareWithOrt(model, [x], bytes)).maxRel).toBeLessThan(1e-5);
    x.dispose();
  }
  model.dispose();
});

it('refuses other formats and unexportable layers, writing nothing', async () => {
  const model = new Sequential({ layers: [new Dense(2, { inputShape: [3] })] });
  await expect(model.export(join(dir, 'm.pb'), { format: 'tf_saved_model' } as never)).rejects.toThrow("export: format must be 'onnx'; received format=\"tf_saved_model\"");
  await expect(model.export(join(dir, 'm.onnx'), { fromat: 'onnx' } as never)).rejects.toThrow(/export: unknown option 'fromat'/);
  class Doubler extends Layer {
    static override readonly className: string = 'Doubler';
    override call(x: Tensor | Tensor[]): Tensor {
      return tf.mul(x as Tensor, 2);
    }
  }
  const custom = new Sequential({ layers: [new InputLayer({ batchInputShape: [null, 3] }), new Doubler({ name: 'times_two' })] });
  await expect(custom.export(join(dir, 'custom.onnx'))).rejects.toThrow(UnsupportedFeatureError);
  await expect(custom.export(join(dir, 'custom.onnx'))).rejects.toThrow(/^export \(ONNX\): layer 'times_two' \(Doubler\) cannot be exported to ONNX; exportable layers are Activation, /);
  expect(existsSync(join(dir, 'custom.onnx'))).toBe(false);
  custom.dispose();
  expect(existsSync(join(dir, 'm.onnx'))).toBe(false);
  model.dispose();
});
