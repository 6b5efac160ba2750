/**
 * Synthetic exports for the demo, the tests and the benchmark: seeded,
 * deterministic, and free of DOM and Node APIs so they run anywhere.
 */
export { generateRows, DEFAULT_AS_OF, type GenerateOptions } from './generate.ts';
export { exportText } from './csv.ts';
export { VARIANTS, VARIANT_NAMES, type Variant, type VariantName } from './variants.ts';
export { DEFAULT_UNITS, type Burst, type Slip, type UnitProfile } from './units.ts';
export { MEASURE_TYPES } from './measureTypes.ts';
export { createRng, mulberry32, type Rng } from './random.ts';
export { isIsoShaped, type GeneratedRow } from './row.ts';
