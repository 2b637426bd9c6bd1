/**
 * Registers tfjs-core's gradient functions, which its CommonJS build leaves out. The file is generated at
 * build time by `scripts/bundle-gradients.mjs`. tfjs-core itself must load first, so that the gradients'
 * ops attach to its engine rather than create one.
 */
import '@tensorflow/tfjs-core';
import '../generated/register-gradients.js';
