// Graphviz's WASM build is published only as ES modules (model plots import it dynamically), so jest
// compiles it to CommonJS.
const base = require('../../jest.config.base.js');

module.exports = {
  ...base,
  transform: {
    ...base.transform,
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/@hpcc-js\\+wasm-graphviz[^/]*/node_modules/)?@hpcc-js/wasm-graphviz/dist/)'],
};
