/** Every kernel the cuda backend registers: one file per kernel, named as tfjs-core names it. */
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { absConfig } from './Abs';
import { acosConfig } from './Acos';
import { acoshConfig } from './Acosh';
import { addConfig } from './Add';
import { addNConfig } from './AddN';
import { allConfig } from './All';
import { anyConfig } from './Any';
import { argMaxConfig } from './ArgMax';
import { argMinConfig } from './ArgMin';
import { asinConfig } from './Asin';
import { asinhConfig } from './Asinh';
import { atanConfig } from './Atan';
import { atan2Config } from './Atan2';
import { atanhConfig } from './Atanh';
import { avgPoolConfig } from './AvgPool';
import { avgPoolGradConfig } from './AvgPoolGrad';
import { batchMatMulConfig } from './BatchMatMul';
import { broadcastToConfig } from './BroadcastTo';
import { castConfig } from './Cast';
import { ceilConfig } from './Ceil';
import { clipByValueConfig } from './ClipByValue';
import { concatConfig } from './Concat';
import { conv2DConfig } from './Conv2D';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter';
import { conv2DBackpropInputConfig } from './Conv2DBackpropInput';
import { cosConfig } from './Cos';
import { coshConfig } from './Cosh';
import { eluConfig } from './Elu';
import { eluGradConfig } from './EluGrad';
import { equalConfig } from './Equal';
import { erfConfig } from './Erf';
import { expConfig } from './Exp';
import { expandDimsConfig } from './ExpandDims';
import { expm1Config } from './Expm1';
import { fillConfig } from './Fill';
import { floorConfig } from './Floor';
import { floorDivConfig } from './FloorDiv';
import { fusedConv2DConfig } from './FusedConv2D';
import { gatherV2Config } from './GatherV2';
import { greaterConfig } from './Greater';
import { greaterEqualConfig } from './GreaterEqual';
import { identityConfig } from './Identity';
import { isFiniteConfig } from './IsFinite';
import { isInfConfig } from './IsInf';
import { isNanConfig } from './IsNan';
import { leakyReluConfig } from './LeakyRelu';
import { lessConfig } from './Less';
import { lessEqualConfig } from './LessEqual';
import { logConfig } from './Log';
import { log1pConfig } from './Log1p';
import { logicalAndConfig } from './LogicalAnd';
import { logicalNotConfig } from './LogicalNot';
import { logicalOrConfig } from './LogicalOr';
import { logicalXorConfig } from './LogicalXor';
import { maxConfig } from './Max';
import { maxPoolConfig } from './MaxPool';
import { maxPoolGradConfig } from './MaxPoolGrad';
import { maximumConfig } from './Maximum';
import { meanConfig } from './Mean';
import { minConfig } from './Min';
import { minimumConfig } from './Minimum';
import { modConfig } from './Mod';
import { multiplyConfig } from './Multiply';
import { negConfig } from './Neg';
import { notEqualConfig } from './NotEqual';
import { oneHotConfig } from './OneHot';
import { onesLikeConfig } from './OnesLike';
import { packConfig } from './Pack';
import { padV2Config } from './PadV2';
import { powConfig } from './Pow';
import { preluConfig } from './Prelu';
import { prodConfig } from './Prod';
import { realDivConfig } from './RealDiv';
import { reciprocalConfig } from './Reciprocal';
import { reluConfig } from './Relu';
import { relu6Config } from './Relu6';
import { reshapeConfig } from './Reshape';
import { reverseConfig } from './Reverse';
import { roundConfig } from './Round';
import { rsqrtConfig } from './Rsqrt';
import { selectConfig } from './Select';
import { seluConfig } from './Selu';
import { sigmoidConfig } from './Sigmoid';
import { signConfig } from './Sign';
import { sinConfig } from './Sin';
import { sinhConfig } from './Sinh';
import { sliceConfig } from './Slice';
import { softmaxConfig } from './Softmax';
import { softplusConfig } from './Softplus';
import { splitVConfig } from './SplitV';
import { sqrtConfig } from './Sqrt';
import { squareConfig } from './Square';
import { squaredDifferenceConfig } from './SquaredDifference';
import { stepConfig } from './Step';
import { strataApplyAdamConfig } from './StrataApplyAdam';
import { strataApplyRmspropConfig } from './StrataApplyRmsprop';
import { strataApplySgdConfig } from './StrataApplySgd';
import { strataRandomNormalConfig } from './StrataRandomNormal';
import { strataRandomUniformConfig } from './StrataRandomUniform';
import { strataTruncatedNormalConfig } from './StrataTruncatedNormal';
import { stridedSliceConfig } from './StridedSlice';
import { subConfig } from './Sub';
import { sumConfig } from './Sum';
import { tanConfig } from './Tan';
import { tanhConfig } from './Tanh';
import { tileConfig } from './Tile';
import { transposeConfig } from './Transpose';
import { unpackConfig } from './Unpack';
import { unsortedSegmentSumConfig } from './UnsortedSegmentSum';
import { zerosLikeConfig } from './ZerosLike';
import { fusedMatMulConfig } from './_FusedMatMul';

/** The registration list. */
export const kernelConfigs: readonly KernelConfig[] = [
  absConfig,
  acosConfig,
  acoshConfig,
  addConfig,
  addNConfig,
  allConfig,
  anyConfig,
  argMaxConfig,
  argMinConfig,
  asinConfig,
  asinhConfig,
  atanConfig,
  atan2Config,
  atanhConfig,
  avgPoolConfig,
  avgPoolGradConfig,
  batchMatMulConfig,
  broadcastToConfig,
  castConfig,
  ceilConfig,
  clipByValueConfig,
  concatConfig,
  conv2DConfig,
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  cosConfig,
  coshConfig,
  eluConfig,
  eluGradConfig,
  equalConfig,
  erfConfig,
  expConfig,
  expandDimsConfig,
  expm1Config,
  fillConfig,
  floorConfig,
  floorDivConfig,
  fusedConv2DConfig,
  gatherV2Config,
  greaterConfig,
  greaterEqualConfig,
  identityConfig,
  isFiniteConfig,
  isInfConfig,
  isNanConfig,
  leakyReluConfig,
  lessConfig,
  lessEqualConfig,
  logConfig,
  log1pConfig,
  logicalAndConfig,
  logicalNotConfig,
  logicalOrConfig,
  logicalXorConfig,
  maxConfig,
  maxPoolConfig,
  maxPoolGradConfig,
  maximumConfig,
  meanConfig,
  minConfig,
  minimumConfig,
  modConfig,
  multiplyConfig,
  negConfig,
  notEqualConfig,
  oneHotConfig,
  onesLikeConfig,
  packConfig,
  padV2Config,
  powConfig,
  preluConfig,
  prodConfig,
  realDivConfig,
  reciprocalConfig,
  reluConfig,
  relu6Config,
  reshapeConfig,
  reverseConfig,
  roundConfig,
  rsqrtConfig,
  selectConfig,
  seluConfig,
  sigmoidConfig,
  signConfig,
  sinConfig,
  sinhConfig,
  sliceConfig,
  softmaxConfig,
  softplusConfig,
  splitVConfig,
  sqrtConfig,
  squareConfig,
  squaredDifferenceConfig,
  stepConfig,
  strataApplyAdamConfig,
  strataApplyRmspropConfig,
  strataApplySgdConfig,
  strataRandomNormalConfig,
  strataRandomUniformConfig,
  strataTruncatedNormalConfig,
  stridedSliceConfig,
  subConfig,
  sumConfig,
  tanConfig,
  tanhConfig,
  tileConfig,
  transposeConfig,
  unpackConfig,
  unsortedSegmentSumConfig,
  zerosLikeConfig,
  fusedMatMulConfig,
];
