/**
 * @strata/models — models you can train: `Sequential` (and the `Model` base it shares with functional
 * models), the training loop (`compile`, `fit`, `evaluate`, `predict`), `summary`, and the callbacks.
 */
export { Model } from './model';
export type { FitArgs, EvaluateArgs, PredictArgs, Verbosity } from './model';
export { Sequential } from './sequential';
export type { SequentialArgs } from './sequential';
export { formatSummary, formatTupleShape, formatCount } from './summary';
export type { SummaryArgs, SummaryRow } from './summary';
export type { CompileArgs, LossIdentifier, OptimizerIdentifier, MetricIdentifier } from './training/compiled';
export {
  Callback, CallbackList, History, ProgbarLogger, Progbar, EarlyStopping, LearningRateScheduler, ReduceLROnPlateau, TerminateOnNaN,
  CSVLogger, LambdaCallback, ModelCheckpoint, BackupAndRestore,
} from './callbacks/index';
export type {
  CallbackParams, Logs, HookResult, ProgbarLoggerArgs, ProgbarArgs, EarlyStoppingArgs, LearningRateSchedulerArgs, ReduceLROnPlateauArgs,
  CSVLoggerArgs, LambdaCallbackArgs, MonitorMode, ModelCheckpointArgs, BackupAndRestoreArgs,
} from './callbacks/index';
export * as callbacks from './callbacks/index';
export { plotModel, modelToDot, dotToSvg, svgToPng, modelGraph } from './plot/index';
export type { PlotModelArgs, ModelToDotArgs, GraphNode, GraphCluster, GraphPart } from './plot/index';
export {
  saveModel, loadModel, saveWeights, loadWeights, modelToBytes, modelFromBytes, weightsToBytes, weightsFromBytes,
  FileHandler, ArrayBufferHandler, IndexedDBHandler, toHandler, CorruptFileError, UnsupportedFeatureError,
  STRATA_VERSION, KERAS_FORMAT_VERSION,
} from './saving/index';
export type { SaveTarget, LoadSource, ModelToBytesArgs, ModelFromBytesArgs, IOHandler, IndexedDBHandlerArgs } from './saving/index';
