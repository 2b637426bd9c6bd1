/** Converters of the spatial reshaping layers: UpSampling2D (`Resize`), ZeroPadding2D (`Pad`), Cropping2D (`Slice`). */
import { configOf, converterTable, single } from './converter';
import { INT64_MAX, type OnnxAttribute, type OnnxValue } from './onnx-graph';
import { toChannelsFirst, toChannelsLast } from './layout';

const { table, register } = converterTable();
/** The converters of this family, by Strata class name. */
export const RESHAPING_CONVERTERS = table;

register('UpSampling2D', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const x = input as OnnxValue;
  const [sh, sw] = configOf<[number, number]>(layer, 'size');
  const interpolation = configOf<string>(layer, 'interpolation');
  // Nearest repeats each pixel (floor of the asymmetric source index); bilinear samples TensorFlow's half-pixel centres.
  const attributes: Record<string, OnnxAttribute> =
    interpolation === 'nearest'
      ? { mode: { s: 'nearest' }, coordinate_transformation_mode: { s: 'asymmetric' }, nearest_mode: { s: 'floor' } }
      : interpolation === 'bilinear'
        ? { mode: { s: 'linear' }, coordinate_transformation_mode: { s: 'half_pixel' } }
        : ctx.unsupported(layer, `interpolation '${interpolation}'`);
  const scales = g.floats(`${layer.name}/scales`, [1, 1, sh, sw], [4]);
  const y = g.op('Resize', [toChannelsFirst(g, x.name, 4, layer.name), '', scales], layer.name, attributes);
  return single(layer, x, toChannelsLast(g, y, 4, layer.name));
});

register('ZeroPadding2D', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const x = input as OnnxValue;
  const [[top, bottom], [left, right]] = configOf<[[number, number], [number, number]]>(layer, 'padding');
  const pads = g.ints(`${layer.name}/pads`, [0, top, left, 0, 0, bottom, right, 0]);
  return single(layer, x, g.op('Pad', [x.name, pads], layer.name, { mode: { s: 'constant' } }));
});

register('Cropping2D', (ctx, layer, [input]) => {
  const g = ctx.graph;
  const x = input as OnnxValue;
  const [[top, bottom], [left, right]] = configOf<[[number, number], [number, number]]>(layer, 'cropping');
  // Negative ends count from the end, so the crop works for any height and width.
  const ends = [bottom > 0 ? -bottom : INT64_MAX, right > 0 ? -right : INT64_MAX];
  const y = g.op('Slice', [x.name, g.ints(`${layer.name}/starts`, [top, left]), g.ints(`${layer.name}/ends`, ends), g.ints(`${layer.name}/axes`, [1, 2])], layer.name);
  return single(layer, x, y);
});
