// One native function per kernel family. Arguments after the context string are device addresses,
// element counts and small shape arrays; see src/native.ts for the TypeScript signatures.
#include <cstring>

#include "args.h"
#include "check.h"
#include "device_api.h"
#include "op_codes.h"
#include "ops.h"

namespace strata {
namespace {

#define CHECK(call) STRATA_CUDA_CHECK(a.env(), (call), a.context())

void copyDims(const Args& a, const std::vector<int64_t>& from, int64_t* to) {
  if (from.size() > STRATA_MAX_RANK) CHECK(STRATA_BAD_RANK);
  std::copy(from.begin(), from.end(), to);
}

StrataConvGeometry geometry(const Args& a, size_t i) {
  Napi::Object o = a.object(i);
  auto field = [&](const char* name) {
    Napi::Value v = o.Get(name);
    if (!v.IsNumber()) throw Napi::TypeError::New(a.env(), a.context() + ": geometry." + name + " must be a number");
    return v.As<Napi::Number>().Int32Value();
  };
  StrataConvGeometry g{};
  g.batch = field("batch");
  g.inH = field("inH");
  g.inW = field("inW");
  g.inC = field("inC");
  g.outH = field("outH");
  g.outW = field("outW");
  g.outC = field("outC");
  g.filterH = field("filterH");
  g.filterW = field("filterW");
  g.strideH = field("strideH");
  g.strideW = field("strideW");
  g.dilationH = field("dilationH");
  g.dilationW = field("dilationW");
  g.padTop = field("padTop");
  g.padLeft = field("padLeft");
  return g;
}

// (context, dtype, y, n, value)
void Fill(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_fill(a.i32(1), a.pointer(2), a.i64(3), a.number(4)));
}

// (context, op, dtype, x, y, n, alpha, beta)
void Unary(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_unary(a.i32(1), a.i32(2), a.pointer(3), a.pointer(4), a.i64(5), a.f32(6), a.f32(7)));
}

// (context, op, inDtype, outDtype, a, b, y, n, outShape|null, aStrides, bStrides)
void Binary(const Napi::CallbackInfo& info) {
  Args a(info);
  if (a.isNull(8)) {
    CHECK(strata_binary(a.i32(1), a.i32(2), a.i32(3), a.pointer(4), a.pointer(5), a.pointer(6), a.i64(7), nullptr));
    return;
  }
  std::vector<int64_t> shape = a.dims(8);
  StrataBroadcast s{};
  s.rank = static_cast<int>(shape.size());
  copyDims(a, shape, s.outShape);
  copyDims(a, a.dims(9), s.aStrides);
  copyDims(a, a.dims(10), s.bStrides);
  CHECK(strata_binary(a.i32(1), a.i32(2), a.i32(3), a.pointer(4), a.pointer(5), a.pointer(6), a.i64(7), &s));
}

// (context, inputs[], y, n)
void AddN(const Napi::CallbackInfo& info) {
  Args a(info);
  std::vector<int64_t> addresses = a.dims(1);
  std::vector<const void*> inputs;
  for (int64_t address : addresses) inputs.push_back(reinterpret_cast<const void*>(static_cast<uintptr_t>(address)));
  CHECK(strata_add_n(inputs.data(), static_cast<int>(inputs.size()), a.pointer(2), a.i64(3)));
}

// (context, fromDtype, toDtype, toBool, x, y, n)
void Cast(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_cast(a.i32(1), a.i32(2), a.i32(3), a.pointer(4), a.pointer(5), a.i64(6)));
}

// (context, activation, x, bias|0, y, rows, cols, alpha)
void BiasActivation(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_bias_activation(a.i32(1), a.pointer(2), a.pointer(3), a.pointer(4), a.i64(5), a.i64(6), a.f32(7)));
}

// (context, op, dtype, x, y, outer, reduce, inner)
void Reduce(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_reduce(a.i32(1), a.i32(2), a.pointer(3), a.pointer(4), a.i64(5), a.i64(6), a.i64(7)));
}

// (context, op, dtype, x, y, outer, reduce, inner)
void ArgReduce(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_arg_reduce(a.i32(1), a.i32(2), a.pointer(3), a.pointer(4), a.i64(5), a.i64(6), a.i64(7)));
}

// (context, logits, y, rows, cols)
void Softmax(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_softmax(a.pointer(1), a.pointer(2), a.i64(3), a.i64(4)));
}

// (context, src, dst, shape, srcStrides, srcOffset, dstStrides, dstOffset)
void StridedCopy(const Napi::CallbackInfo& info) {
  Args a(info);
  std::vector<int64_t> shape = a.dims(3);
  StrataStridedView v{};
  v.rank = static_cast<int>(shape.size());
  copyDims(a, shape, v.shape);
  copyDims(a, a.dims(4), v.srcStrides);
  v.srcOffset = a.i64(5);
  copyDims(a, a.dims(6), v.dstStrides);
  v.dstOffset = a.i64(7);
  CHECK(strata_strided_copy(a.pointer(1), a.pointer(2), &v));
}

// (context, x, y, inShape, outShape)
void Tile(const Napi::CallbackInfo& info) {
  Args a(info);
  std::vector<int64_t> in = a.dims(3), out = a.dims(4);
  CHECK(strata_tile(a.pointer(1), a.pointer(2), static_cast<int>(in.size()), in.data(), out.data()));
}

// (context, dtype, x, y, inShape, outShape, padBefore, value)
void Pad(const Napi::CallbackInfo& info) {
  Args a(info);
  std::vector<int64_t> in = a.dims(4), out = a.dims(5), before = a.dims(6);
  CHECK(strata_pad(a.i32(1), a.pointer(2), a.pointer(3), static_cast<int>(in.size()), in.data(), out.data(),
                   before.data(), a.number(7)));
}

// (context, x, indices, y, outer, axisDim, inner, count)
void Gather(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_gather(a.pointer(1), a.typed<const int32_t>(2), a.pointer(3), a.i64(4), a.i64(5), a.i64(6), a.i64(7)));
}

// (context, x, segmentIds, y, rows, inner, numSegments)
void SegmentSum(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_segment_sum(a.typed<const float>(1), a.typed<const int32_t>(2), a.typed<float>(3), a.i64(4), a.i64(5),
                           a.i64(6)));
}

// (context, indices, y, count, depth, on, off)
void OneHot(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_one_hot(a.typed<const int32_t>(1), a.typed<float>(2), a.i64(3), a.i32(4), a.f32(5), a.f32(6)));
}

// (context, condition, t, e, y, n)
void Select(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_select(a.typed<const int32_t>(1), a.pointer(2), a.pointer(3), a.pointer(4), a.i64(5)));
}

// (context, x, cols, geometry)
void Im2Col(const Napi::CallbackInfo& info) {
  Args a(info);
  StrataConvGeometry g = geometry(a, 3);
  CHECK(strata_im2col(a.typed<const float>(1), a.typed<float>(2), &g));
}

// (context, cols, dx, geometry)
void Col2Im(const Napi::CallbackInfo& info) {
  Args a(info);
  StrataConvGeometry g = geometry(a, 3);
  CHECK(strata_col2im(a.typed<const float>(1), a.typed<float>(2), &g));
}

// (context, x, y, geometry)
void MaxPool(const Napi::CallbackInfo& info) {
  Args a(info);
  StrataConvGeometry g = geometry(a, 3);
  CHECK(strata_max_pool(a.typed<const float>(1), a.typed<float>(2), &g));
}

// (context, dy, x, dx, geometry)
void MaxPoolGrad(const Napi::CallbackInfo& info) {
  Args a(info);
  StrataConvGeometry g = geometry(a, 4);
  CHECK(strata_max_pool_grad(a.typed<const float>(1), a.typed<const float>(2), a.typed<float>(3), &g));
}

// (context, x, y, geometry)
void AvgPool(const Napi::CallbackInfo& info) {
  Args a(info);
  StrataConvGeometry g = geometry(a, 3);
  CHECK(strata_avg_pool(a.typed<const float>(1), a.typed<float>(2), &g));
}

// (context, dy, dx, geometry)
void AvgPoolGrad(const Napi::CallbackInfo& info) {
  Args a(info);
  StrataConvGeometry g = geometry(a, 3);
  CHECK(strata_avg_pool_grad(a.typed<const float>(1), a.typed<float>(2), &g));
}

// (context, distribution, y, n, seed, a, b)
void Random(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_random(a.i32(1), a.typed<float>(2), a.i64(3), static_cast<uint64_t>(a.number(4)), a.f32(5), a.f32(6)));
}

// (context, var, m, v, grad, newVar, newM, newV, n, lr, beta1, beta2, epsilon, beta1Power, beta2Power)
void ApplyAdam(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_apply_adam(a.typed<const float>(1), a.typed<const float>(2), a.typed<const float>(3),
                          a.typed<const float>(4), a.typed<float>(5), a.typed<float>(6), a.typed<float>(7), a.i64(8),
                          a.f32(9), a.f32(10), a.f32(11), a.f32(12), a.f32(13), a.f32(14)));
}

// (context, var, velocity|0, grad, newVar, newVelocity|0, n, lr, momentum, nesterov)
void ApplySgd(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_apply_sgd(a.typed<const float>(1), a.typed<const float>(2), a.typed<const float>(3), a.typed<float>(4),
                         a.typed<float>(5), a.i64(6), a.f32(7), a.f32(8), a.i32(9)));
}

// (context, var, ms, mom|0, mg|0, grad, newVar, newMs, newMom|0, newMg|0, n, lr, rho, momentum, epsilon, centered)
void ApplyRmsprop(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_apply_rmsprop(a.typed<const float>(1), a.typed<const float>(2), a.typed<const float>(3),
                             a.typed<const float>(4), a.typed<const float>(5), a.typed<float>(6), a.typed<float>(7),
                             a.typed<float>(8), a.typed<float>(9), a.i64(10), a.f32(11), a.f32(12), a.f32(13),
                             a.f32(14), a.i32(15)));
}

// The op-code tables, by name, so TypeScript never repeats the numbers.
Napi::Object opCodes(Napi::Env env) {
  Napi::Object codes = Napi::Object::New(env);
  Napi::Object table;
  int next;
#define STRATA_TABLE(jsName, LIST)   \
  table = Napi::Object::New(env);    \
  next = 0;                          \
  LIST(STRATA_TABLE_ENTRY)           \
  codes.Set(jsName, table);
#define STRATA_TABLE_ENTRY(name) table.Set(#name, next++);
  STRATA_TABLE("unary", STRATA_UNARY_OPS)
  STRATA_TABLE("binary", STRATA_BINARY_OPS)
  STRATA_TABLE("reduce", STRATA_REDUCE_OPS)
  STRATA_TABLE("arg", STRATA_ARG_OPS)
  STRATA_TABLE("activation", STRATA_ACTIVATIONS)
  STRATA_TABLE("random", STRATA_RANDOM_DISTRIBUTIONS)
#undef STRATA_TABLE_ENTRY
#undef STRATA_TABLE
  return codes;
}

}  // namespace

void registerKernelFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("fill", Napi::Function::New(env, Fill));
  exports.Set("unary", Napi::Function::New(env, Unary));
  exports.Set("binary", Napi::Function::New(env, Binary));
  exports.Set("addN", Napi::Function::New(env, AddN));
  exports.Set("cast", Napi::Function::New(env, Cast));
  exports.Set("biasActivation", Napi::Function::New(env, BiasActivation));
  exports.Set("reduce", Napi::Function::New(env, Reduce));
  exports.Set("argReduce", Napi::Function::New(env, ArgReduce));
  exports.Set("softmax", Napi::Function::New(env, Softmax));
  exports.Set("stridedCopy", Napi::Function::New(env, StridedCopy));
  exports.Set("tile", Napi::Function::New(env, Tile));
  exports.Set("pad", Napi::Function::New(env, Pad));
  exports.Set("gather", Napi::Function::New(env, Gather));
  exports.Set("segmentSum", Napi::Function::New(env, SegmentSum));
  exports.Set("oneHot", Napi::Function::New(env, OneHot));
  exports.Set("select", Napi::Function::New(env, Select));
  exports.Set("im2col", Napi::Function::New(env, Im2Col));
  exports.Set("col2im", Napi::Function::New(env, Col2Im));
  exports.Set("maxPool", Napi::Function::New(env, MaxPool));
  exports.Set("maxPoolGrad", Napi::Function::New(env, MaxPoolGrad));
  exports.Set("avgPool", Napi::Function::New(env, AvgPool));
  exports.Set("avgPoolGrad", Napi::Function::New(env, AvgPoolGrad));
  exports.Set("random", Napi::Function::New(env, Random));
  exports.Set("applyAdam", Napi::Function::New(env, ApplyAdam));
  exports.Set("applySgd", Napi::Function::New(env, ApplySgd));
  exports.Set("applyRmsprop", Napi::Function::New(env, ApplyRmsprop));
  exports.Set("opCodes", opCodes(env));
}

}  // namespace strata
