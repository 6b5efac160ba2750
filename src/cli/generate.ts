import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateRows, exportText, VARIANT_NAMES, VARIANTS, type GenerateOptions, type VariantName } from '../domain/generate/index.ts';
import { SCENARIO_AS_OF, SCENARIO_NAMES, SCENARIOS, scenarioOptions } from '../domain/generate/scenarios.ts';
import { encodeText } from './encode.ts';
import { UsageError } from './errors.ts';
import { choiceFlag, fractionFlag, integerFlag, isoDateFlag } from './values.ts';

export const GENERATE_USAGE =
  `sagsflow generate [--scenario ${SCENARIO_NAMES.join('|')}] [--seed N] [--measures N] [--danish | --variant canonical|danish-excel|tab|bom] [--as-of YYYY-MM-DD] [--bad-rows FRACTION] [--duplicates FRACTION] [--out FILE]`;

const DEFAULT_SEED = 1;
const DEFAULT_MEASURES = 2000;

/**
 * Generates a synthetic export as bytes, ready for a file or stdout.
 * `variant` decides delimiter, dates, names and encoding.
 * @example exportBytes({ seed: 1, measures: 100 }, 'danish-excel') // Windows-1252 bytes
 */
export function exportBytes(options: Parameters<typeof generateRows>[0], variant: VariantName): Uint8Array {
  return encodeText(exportText(generateRows(options), variant), VARIANTS[variant].encoding);
}

/**
 * `generate …`: writes the CSV to --out, or returns its bytes for stdout.
 * @example runGenerate(['--seed', '7', '--measures', '500', '--danish'])
 */
export function runGenerate(args: string[]): Uint8Array | null {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      measures: { type: 'string' },
      danish: { type: 'boolean' },
      variant: { type: 'string' },
      'as-of': { type: 'string' },
      'bad-rows': { type: 'string' },
      duplicates: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`usage: ${GENERATE_USAGE}`);
  const chosen = choiceFlag('variant', values.variant, VARIANT_NAMES);
  if (values.danish && chosen !== undefined && chosen !== 'danish-excel') {
    throw new UsageError(`--danish means --variant danish-excel; it cannot be combined with --variant ${chosen}`);
  }
  const variant = values.danish ? 'danish-excel' : (chosen ?? 'canonical');
  const asOf = isoDateFlag('as-of', values['as-of']);
  const badRows = fractionFlag('bad-rows', values['bad-rows']);
  const duplicates = fractionFlag('duplicates', values.duplicates);
  const seed = integerFlag('seed', values.seed, 0);
  const measures = integerFlag('measures', values.measures, 0);
  const scenario = choiceFlag('scenario', values.scenario, SCENARIO_NAMES);
  let options: GenerateOptions;
  if (scenario === undefined) {
    options = { seed: seed ?? DEFAULT_SEED, measures: measures ?? DEFAULT_MEASURES };
  } else {
    // A scenario's story is told on its own calendar: its data end on its day.
    if (asOf !== undefined) throw new UsageError(`--scenario ${scenario} ends on ${SCENARIO_AS_OF}; leave out --as-of`);
    const defaults = SCENARIOS[scenario].defaults;
    options = { ...scenarioOptions(scenario, { ...defaults, measures: measures ?? defaults.measures }), ...(seed !== undefined && { seed }) };
  }
  const bytes = exportBytes(
    {
      ...options,
      ...(asOf !== undefined && { asOf }),
      ...(badRows !== undefined && { badRows }),
      ...(duplicates !== undefined && { duplicates }),
    },
    variant,
  );
  if (values.out === undefined) return bytes;
  try {
    writeFileSync(values.out, bytes);
  } catch (error) {
    throw new UsageError(`cannot write ${values.out}: ${(error as Error).message}`);
  }
  return null;
}
