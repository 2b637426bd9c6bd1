// Packing and installing takes a while; the packages must be built first (turbo's `test` depends on `build`).
module.exports = { ...require('../../jest.config.base.js'), testTimeout: 300000 };
