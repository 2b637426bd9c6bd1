// Runs ONNX models in onnxruntime-node (its CPU build) for the tests, in its own process: the addon's
// typed arrays belong to Node's realm, not to a jest test's. Messages: { id, model: Uint8Array,
// feeds: { [name]: { data: Float32Array, dims } } } → { id, outputs: [{ name, dims, data }] } or { id, error }.
'use strict';
const ort = require('onnxruntime-node');

process.on('message', async ({ id, model, feeds }) => {
  try {
    const session = await ort.InferenceSession.create(model);
    const inputs = {};
    for (const [name, { data, dims }] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', data, dims);
    const results = await session.run(inputs);
    const outputs = session.outputNames.map((name) => ({ name, dims: Array.from(results[name].dims), data: results[name].data }));
    await session.release();
    process.send({ id, inputNames: session.inputNames, outputs });
  } catch (e) {
    process.send({ id, error: String((e && e.stack) || e) });
  }
});
process.on('disconnect', () => process.exit(0));
