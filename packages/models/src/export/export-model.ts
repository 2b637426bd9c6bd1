/**
 * `model.export(path, { format: 'onnx' })`, as Keras 3's `model.export(filepath, format="onnx")`: the model
 * for inference only, in a format other runtimes load. Keras's default format, a TensorFlow SavedModel, has
 * no JavaScript runtime; Strata exports ONNX (opset 17), which ONNX Runtime (Node, Web, native) runs.
 */
import { defineOptions, invalidArgument } from '@strata-ml/core';
import type { Model } from '../model';
import { toHandler, type IOHandler } from '../saving/io-handlers';
import { modelToOnnx } from './onnx/export-onnx';

/** Options of `model.export` / {@link exportModel}. */
export interface ExportArgs {
  /** The format: `'onnx'` (the default, and the one Strata writes). */
  format?: 'onnx';
}

const EXPORT_OPTIONS = defineOptions<ExportArgs>('export', { format: true });

/**
 * Exports `model` for inference to a file path (Node; written atomically) or through an IO handler. Throws
 * `UnsupportedFeatureError` naming the first layer that cannot be exported, before anything is written.
 */
export async function exportModel(model: Model, target: string | IOHandler, args: ExportArgs = {}): Promise<void> {
  const { format = 'onnx' } = EXPORT_OPTIONS.check(args);
  if (format !== 'onnx') throw invalidArgument('export', 'format', "'onnx'", format);
  const bytes = modelToOnnx(model);
  await toHandler(target).save(bytes);
}
