/**
 * @strata-ml/models — models you can train: functional models (`new Model({ inputs, outputs })`) and
 * `Sequential`, the training loop (`compile`, `fit`, `evaluate`, `predict`, `trainOnBatch`), custom
 * training (`valueAndGrads`, `zip`), `summary`, plots, saving, and the callbacks.
 */
export { Model } from './model';
export type { ModelArgs, FitArgs, EvaluateArgs, PredictArgs, Verbosity } from './model';
export { valueAndGrads, zip } from './training/value-and-grads';
export type { ValueAndGrads } from './training/value-and-grads';
export type { ModelData } from './training/standardize';
export { Sequential } from './sequential';
export type { SequentialArgs } from './sequential';
export { formatSummary, formatTupleShape, formatCount } from './summary';
export type { SummaryArgs, SummaryRow } from './summary';
export { CompiledState } from './training/compiled';
export type { CompileArgs, LossIdentifier, OptimizerIdentifier, MetricIdentifier, MetricEntry } from './training/compiled';
export {
  Callback, CallbackList, History, ProgbarLogger, Progbar, EarlyStopping, LearningRateScheduler, ReduceLROnPlateau, TerminateOnNaN,
  CSVLogger, LambdaCallback, ModelCheckpoint, BackupAndRestore,
} from './callbacks/index';
export type {
  CallbackParams, Logs, HookResult, ProgbarLoggerArgs, ProgbarArgs, EarlyStoppingArgs, LearningRateSchedulerArgs, ReduceLROnPlateauArgs,
  CSVLoggerArgs, LambdaCallbackArgs, MonitorMode, ModelCheckpointArgs, BackupAndRestoreArgs,
} from './callbacks/index';
export * as callbacks from './callbacks/index';
export { exportModel } from './export/export-model';
export type { ExportArgs } from './export/export-model';
export { modelToOnnx, ONNX_OPSET, exportableLayers } from './export/onnx/index';
export { plotModel, modelToDot, dotToSvg, svgToPng, modelGraph } from './plot/index';
export type { PlotModelArgs, ModelToDotArgs, GraphNode, GraphCluster, GraphPart } from './plot/index';
export {
  saveModel, loadModel, saveWeights, loadWeights, modelToBytes, modelFromBytes, weightsToBytes, weightsFromBytes,
  FileHandler, ArrayBufferHandler, IndexedDBHandler, toHandler, CorruptFileError, UnsupportedFeatureError,
  STRATA_VERSION, KERAS_FORMAT_VERSION, modelToTfjs, modelFromTfjs, TFJS_FORMAT_VERSION, TfjsMemoryHandler, TfjsFileHandler,
  TfjsHttpHandler, TfjsIndexedDBHandler, TfjsLocalStorageHandler,
} from './saving/index';
export type {
  SaveTarget, LoadSource, SaveModelArgs, LoadModelArgs, ModelToBytesArgs, ModelFromBytesArgs, IOHandler, IndexedDBHandlerArgs, ModelFormat,
  ModelToTfjsArgs, ModelFromTfjsArgs, TfjsArtifacts, TfjsWeightSpec, TfjsReadArgs, TfjsIOHandler, TfjsFileHandlerArgs, TfjsHttpHandlerArgs,
  TfjsIndexedDBHandlerArgs, TfjsLocalStorageHandlerArgs,
} from './saving/index';
