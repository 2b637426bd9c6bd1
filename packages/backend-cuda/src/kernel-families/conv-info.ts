/** tfjs-core's Conv2DInfo from a convolution kernel's attrs. */
import { backend_util, type NamedAttrMap } from '@tensorflow/tfjs-core';

type Pad = 'valid' | 'same' | number | backend_util.ExplicitPadding;

/** The convolution geometry of input `xShape` and filter `filterShape` under `attrs` (dilations default 1). */
export function conv2dInfo(xShape: number[], filterShape: number[], attrs: NamedAttrMap): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs['strides'] as [number, number] | number,
    (attrs['dilations'] as [number, number] | number | undefined) ?? 1,
    attrs['pad'] as Pad,
    attrs['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
    false,
    backend_util.convertConv2DDataFormat(((attrs['dataFormat'] as 'NHWC' | 'NCHW' | undefined) ?? 'NHWC')),
  );
}
