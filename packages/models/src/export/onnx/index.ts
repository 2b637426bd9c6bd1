/** ONNX export: a model → an ONNX `ModelProto` for inference, and the layers that have converters. */
export { modelToOnnx, exportableLayers } from './export-onnx';
export { ONNX_OPSET } from './onnx-graph';
