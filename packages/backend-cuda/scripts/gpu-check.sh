#!/usr/bin/env bash
# The GPU check, run on the lent GPU machine from the repository root with packages/backend-cuda/.gpu-carry
# carried (see prepare-gpu-check.sh). Prints the GPU, driver and glibc; runs the kernel conformance suite
# against tfjs-backend-cpu, trains the seed MLP (20 epochs) and the CNN, times a 4096³ GEMM, runs PyTorch on
# the same models, batch and optimizer, and ends with one table. Logs and JSON go to $OUT.
set -uo pipefail
pkg=packages/backend-cuda
carry="$pkg/.gpu-carry"
out="${OUT:-$PWD/gpu-check-out}"
mlp_epochs="${MLP_EPOCHS:-20}"
cnn_epochs="${CNN_EPOCHS:-3}"
mkdir -p "$out"
exec > >(tee "$out/gpu-check.log") 2>&1

echo "== machine"
nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv || echo "nvidia-smi failed"
ldd --version | head -1
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.version.cuda)" || echo "no torch"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== unpack node and MNIST into $work"
xz -dc "$carry/node.xz" > "$work/node" && chmod +x "$work/node"
mkdir -p "$work/mnist"
for f in "$carry"/mnist/*.xz; do xz -dc "$f" > "$work/mnist/$(basename "$f" .xz)"; done
"$work/node" --version

echo "== Strata cuda backend"
export STRATA_CUDA_ADDON="$PWD/$carry/addon/strata_cuda.node"
timeout 240 "$work/node" "$carry/gpu-check.cjs" --data "$work/mnist" --out "$out" --mlp-epochs "$mlp_epochs" --cnn-epochs "$cnn_epochs"
echo "strata exit status: $?"

echo "== PyTorch baseline"
timeout 120 python3 "$pkg/scripts/gpu-check/torch_baseline.py" --data "$work/mnist" --out "$out/torch.json" --mlp-epochs "$mlp_epochs" --cnn-epochs "$cnn_epochs"
echo "torch exit status: $?"

echo "== Strata Keras-style API (Sequential, Dense, Conv2D, fit/evaluate) on cuda"
if [ -f "$carry/strata-train.cjs" ] && [ "${STRATA_TRAIN:-1}" = 1 ]; then
  timeout 180 "$work/node" "$carry/strata-train.cjs" --data "$work/mnist" --out "$out" --mlp-epochs "$mlp_epochs" --cnn-epochs "$cnn_epochs"
  echo "strata-train exit status: $?"
else
  echo "skipped: $(cat "$carry/strata-train.skipped" 2>/dev/null || echo 'STRATA_TRAIN=0')"
fi

echo "== results"
"$work/node" "$carry/gpu-check.cjs" --table "$out/strata.json" "$out/torch.json" "$out/strata-train.json" | tee "$out/table.md"
