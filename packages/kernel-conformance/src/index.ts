/**
 * @strata-ml/kernel-conformance — the kernel conformance suite every backend's tests run (not published):
 * seeded random cases compared with tfjs-backend-cpu, and special-value cases (NaN, ±Infinity) compared
 * with the IEEE 754 result.
 */
export { conformanceCases } from './cases';
export type { ConformanceCase } from './cases';
export { InputSource, toTensor } from './inputs';
export type { HostInput, InputKind } from './inputs';
export { appliesTo, compareOutputs, kernelsRun, runConformance, runSpecialValues } from './run-conformance';
export type { CaseResult, ConformanceArgs, Output, SpecialValueArgs } from './run-conformance';
export { SPECIAL, specialValueCases } from './special-values';
export type { SpecialValueCase } from './special-values';
