// Op codes of the kernel families. The addon exports these tables to JavaScript by name (opCodes),
// so the numbers are written only here.
#pragma once

#define STRATA_UNARY_OPS(X)                                                                          \
  X(Identity) X(Neg) X(Abs) X(Exp) X(Log) X(Log1p) X(Expm1) X(Sqrt) X(Rsqrt) X(Square) X(Reciprocal) \
  X(Sigmoid) X(Tanh) X(Relu) X(Relu6) X(Elu) X(Selu) X(Softplus) X(LeakyRelu) X(Step) X(Sign)       \
  X(Floor) X(Ceil) X(Round) X(Sin) X(Cos) X(Tan) X(Asin) X(Acos) X(Atan) X(Sinh) X(Cosh) X(Asinh)   \
  X(Acosh) X(Atanh) X(Erf) X(ClipByValue) X(LogicalNot) X(IsNan) X(IsInf) X(IsFinite)

#define STRATA_BINARY_OPS(X)                                                                         \
  X(Add) X(Sub) X(Multiply) X(RealDiv) X(FloorDiv) X(Mod) X(Maximum) X(Minimum) X(Pow)              \
  X(SquaredDifference) X(Atan2) X(Prelu) X(EluGrad) X(Equal) X(NotEqual) X(Greater) X(GreaterEqual) \
  X(Less) X(LessEqual) X(LogicalAnd) X(LogicalOr) X(LogicalXor)

#define STRATA_REDUCE_OPS(X) X(Sum) X(Prod) X(Max) X(Min) X(Mean) X(All) X(Any)

#define STRATA_ARG_OPS(X) X(ArgMax) X(ArgMin)

// Activations that _FusedMatMul / FusedConv2D apply after the bias.
#define STRATA_ACTIVATIONS(X) X(linear) X(relu) X(relu6) X(elu) X(selu) X(sigmoid) X(leakyrelu)

#define STRATA_RANDOM_DISTRIBUTIONS(X) X(uniform) X(normal) X(truncatedNormal)

#define STRATA_ENUM_ENTRY(name) name,
enum class UnaryOp { STRATA_UNARY_OPS(STRATA_ENUM_ENTRY) Count };
enum class BinaryOp { STRATA_BINARY_OPS(STRATA_ENUM_ENTRY) Count };
enum class ReduceOp { STRATA_REDUCE_OPS(STRATA_ENUM_ENTRY) Count };
enum class ArgOp { STRATA_ARG_OPS(STRATA_ENUM_ENTRY) Count };
enum class Activation { STRATA_ACTIVATIONS(STRATA_ENUM_ENTRY) Count };
enum class RandomDistribution { STRATA_RANDOM_DISTRIBUTIONS(STRATA_ENUM_ENTRY) Count };
#undef STRATA_ENUM_ENTRY
