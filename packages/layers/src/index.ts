/**
 * @strata-ml/layers — the Layer base class, the core layers (Dense, Activation, Dropout, Flatten, Reshape,
 * InputLayer), and activations, initializers, regularizers and constraints, with Keras semantics.
 */
export { Layer } from './layer';
export type { LayerArgs, CallArgs, AddWeightArgs, LayerClass } from './layer';
export { LayerVariable } from './layer-variable';
export type { LayerVariableArgs } from './layer-variable';
export { checkInputSpec } from './input-spec';
export type { InputSpec } from './input-spec';
export { SymbolicTensor, Node, isSymbolic } from './symbolic-tensor';
export type { SymbolicTensorArgs } from './symbolic-tensor';
export { isShapeList, shapeSize } from './shape';
export type { Shape } from './shape';
export { toSnakeCase, layerNamePrefix, uniqueLayerName, resetLayerNames } from './names';
export { registerLayer, getRegisteredLayer, serializeLayer, deserializeLayer } from './registry';
export { LAYER_OPTION_KEYS } from './layer-options';

export { Dense } from './core/dense';
export type { DenseArgs } from './core/dense';
export type { KernelLayerArgs } from './core/kernel-layer-args';
export { Activation } from './core/activation';
export type { ActivationArgs } from './core/activation';
export { InputLayer } from './core/input-layer';
export type { InputLayerArgs } from './core/input-layer';
export { Dropout } from './regularization/dropout';
export type { DropoutArgs } from './regularization/dropout';
export { Flatten } from './reshaping/flatten';
export type { FlattenArgs } from './reshaping/flatten';
export { Reshape } from './reshaping/reshape';
export type { ReshapeArgs } from './reshaping/reshape';

export * as activations from './activations/activations';
export {
  relu, relu6, leakyRelu, elu, selu, softplus, softsign, sigmoid, hardSigmoid, legacyHardSigmoid, tanh, softmax, logSoftmax, linear,
  exponential, gelu, swish, mish, SELU_SCALE, SELU_ALPHA,
} from './activations/activations';
export type { ActivationFn } from './activations/activations';
export { getActivation, serializeActivation } from './activations/get-activation';
export type { ActivationIdentifier } from './activations/get-activation';

export { Initializer, computeFans } from './initializers/initializer';
export type { SeedArgs, SerializedObject } from './initializers/initializer';
export { Zeros, Ones, Constant } from './initializers/constant';
export type { ConstantArgs } from './initializers/constant';
export { RandomNormal, RandomUniform, TruncatedNormal } from './initializers/random';
export type { RandomNormalArgs, RandomUniformArgs } from './initializers/random';
export {
  VarianceScaling, GlorotUniform, GlorotNormal, HeUniform, HeNormal, LecunUniform, LecunNormal,
} from './initializers/variance-scaling';
export type { VarianceScalingArgs, FanMode, Distribution } from './initializers/variance-scaling';
export { Orthogonal } from './initializers/orthogonal';
export type { OrthogonalArgs } from './initializers/orthogonal';
export { Identity } from './initializers/identity';
export type { IdentityArgs } from './initializers/identity';
export { getInitializer, serializeInitializer } from './initializers/get-initializer';
export type { InitializerIdentifier } from './initializers/get-initializer';

export { Regularizer, L1L2, L1, L2, l1, l2, l1l2 } from './regularizers/regularizer';
export type { L1L2Args, L1Args, L2Args } from './regularizers/regularizer';
export { getRegularizer, serializeRegularizer } from './regularizers/get-regularizer';
export type { RegularizerIdentifier } from './regularizers/get-regularizer';

export { Constraint, MaxNorm, NonNeg, UnitNorm } from './constraints/constraint';
export type { MaxNormArgs, UnitNormArgs } from './constraints/constraint';
export { getConstraint, serializeConstraint } from './constraints/get-constraint';
export type { ConstraintIdentifier } from './constraints/get-constraint';

export { normalizeTuple, normalizePadding, convOutputLength, deconvOutputLength, dilatedKernelSize, dilateKernel } from './convolutional/conv-utils';
export type { PaddingMode, DataFormat } from './convolutional/conv-utils';
export { BaseConv } from './convolutional/base-conv';
export type { BaseConvArgs } from './convolutional/base-conv';
export { Conv1D } from './convolutional/conv1d';
export type { Conv1DArgs } from './convolutional/conv1d';
export { Conv2D } from './convolutional/conv2d';
export type { Conv2DArgs } from './convolutional/conv2d';
export { Conv2DTranspose } from './convolutional/conv2d-transpose';
export type { Conv2DTransposeArgs } from './convolutional/conv2d-transpose';

export { BasePooling } from './pooling/base-pooling';
export type { BasePoolingArgs, PoolMode } from './pooling/base-pooling';
export { MaxPooling1D } from './pooling/max-pooling1d';
export type { MaxPooling1DArgs } from './pooling/max-pooling1d';
export { MaxPooling2D } from './pooling/max-pooling2d';
export type { MaxPooling2DArgs } from './pooling/max-pooling2d';
export { AveragePooling1D } from './pooling/average-pooling1d';
export type { AveragePooling1DArgs } from './pooling/average-pooling1d';
export { AveragePooling2D } from './pooling/average-pooling2d';
export type { AveragePooling2DArgs } from './pooling/average-pooling2d';
export { BaseGlobalPooling } from './pooling/base-global-pooling';
export type { GlobalPoolingArgs } from './pooling/base-global-pooling';
export { GlobalAveragePooling1D } from './pooling/global-average-pooling1d';
export type { GlobalAveragePooling1DArgs } from './pooling/global-average-pooling1d';
export { GlobalAveragePooling2D } from './pooling/global-average-pooling2d';
export type { GlobalAveragePooling2DArgs } from './pooling/global-average-pooling2d';
export { GlobalMaxPooling1D } from './pooling/global-max-pooling1d';
export type { GlobalMaxPooling1DArgs } from './pooling/global-max-pooling1d';
export { GlobalMaxPooling2D } from './pooling/global-max-pooling2d';
export type { GlobalMaxPooling2DArgs } from './pooling/global-max-pooling2d';

export { UpSampling2D } from './reshaping/up-sampling2d';
export type { UpSampling2DArgs } from './reshaping/up-sampling2d';
export { ZeroPadding2D } from './reshaping/zero-padding2d';
export type { ZeroPadding2DArgs } from './reshaping/zero-padding2d';
export { Cropping2D } from './reshaping/cropping2d';
export type { Cropping2DArgs } from './reshaping/cropping2d';
export type { Pairs2D } from './reshaping/padding-pairs';
export { Permute } from './reshaping/permute';
export type { PermuteArgs } from './reshaping/permute';
export { RepeatVector } from './reshaping/repeat-vector';
export type { RepeatVectorArgs } from './reshaping/repeat-vector';

export { BatchNormalization } from './normalization/batch-normalization';
export type { BatchNormalizationArgs } from './normalization/batch-normalization';
export { LayerNormalization } from './normalization/layer-normalization';
export type { LayerNormalizationArgs } from './normalization/layer-normalization';

export { LeakyReLU } from './activation-layers/leaky-relu';
export type { LeakyReLUArgs } from './activation-layers/leaky-relu';
export { PReLU } from './activation-layers/prelu';
export type { PReLUArgs } from './activation-layers/prelu';
export { ELU } from './activation-layers/elu';
export type { ELUArgs } from './activation-layers/elu';
export { ReLU } from './activation-layers/relu';
export type { ReLUArgs } from './activation-layers/relu';
export { Softmax } from './activation-layers/softmax';
export type { SoftmaxArgs } from './activation-layers/softmax';

export { Merge } from './merging/merge';
export type { MergeArgs } from './merging/merge';
export { Concatenate } from './merging/concatenate';
export type { ConcatenateArgs } from './merging/concatenate';
export { Add } from './merging/add';
export type { AddArgs } from './merging/add';
export { Subtract } from './merging/subtract';
export type { SubtractArgs } from './merging/subtract';
export { Multiply } from './merging/multiply';
export type { MultiplyArgs } from './merging/multiply';
export { Average } from './merging/average';
export type { AverageArgs } from './merging/average';
export { Maximum } from './merging/maximum';
export type { MaximumArgs } from './merging/maximum';
export { Minimum } from './merging/minimum';
export type { MinimumArgs } from './merging/minimum';
export { Dot } from './merging/dot';
export type { DotArgs } from './merging/dot';

export { RNNCell } from './recurrent/rnn-cell';
export type { RNNCellArgs, DropoutMasks } from './recurrent/rnn-cell';
export { SimpleRNNCell } from './recurrent/simple-rnn-cell';
export type { SimpleRNNCellArgs } from './recurrent/simple-rnn-cell';
export { LSTMCell } from './recurrent/lstm-cell';
export type { LSTMCellArgs } from './recurrent/lstm-cell';
export { GRUCell } from './recurrent/gru-cell';
export type { GRUCellArgs } from './recurrent/gru-cell';
export { RNN } from './recurrent/rnn';
export type { RNNArgs, RNNCallArgs } from './recurrent/rnn';
export { SimpleRNN } from './recurrent/simple-rnn';
export type { SimpleRNNArgs } from './recurrent/simple-rnn';
export { LSTM } from './recurrent/lstm';
export type { LSTMArgs } from './recurrent/lstm';
export { GRU } from './recurrent/gru';
export type { GRUArgs } from './recurrent/gru';
export { Bidirectional } from './recurrent/bidirectional';
export type { BidirectionalArgs, MergeMode } from './recurrent/bidirectional';
export { TimeDistributed } from './recurrent/time-distributed';
export type { TimeDistributedArgs } from './recurrent/time-distributed';
export { Embedding } from './embedding/embedding';
export type { EmbeddingArgs } from './embedding/embedding';
export { Input, inputLayerOf } from './core/input';
export type { InputArgs } from './core/input';
