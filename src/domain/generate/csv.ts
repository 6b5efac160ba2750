import Papa from 'papaparse';
import type { GeneratedRow } from './row.ts';
import { isIsoShaped } from './row.ts';
import { VARIANTS, type Variant, type VariantName } from './variants.ts';

/**
 * Writes rows as the text of an export file in one variant. Quoting is
 * papaparse's. The text ends with a newline; the `bom` variant starts with
 * U+FEFF. Turning the text into bytes (Windows-1252 for `danish-excel`,
 * see `VARIANTS[name].encoding`) is left to the caller.
 * @example exportText(generateRows({ seed: 1, measures: 10 }), 'canonical').split('\n')[0]
 * // 'case_id,measure_id,unit,caseworker,measure_type,event,date,next_due'
 */
export function exportText(rows: readonly GeneratedRow[], variant: VariantName): string {
  const v: Variant = VARIANTS[variant];
  const date = (d: string): string => (isIsoShaped(d) ? v.formatDate(d) : d);
  const data = rows.map((r) =>
    v.columns.map(([field]) => {
      switch (field) {
        case 'event':
          return v.events[r.event];
        case 'date':
          return date(r.date);
        case 'nextDue':
          return r.nextDue === null ? '' : date(r.nextDue);
        default:
          return r[field];
      }
    }),
  );
  const text = Papa.unparse(
    { fields: v.columns.map(([, header]) => header), data },
    { delimiter: v.delimiter, newline: v.newline, quotes: v.quoteAll },
  );
  return (v.bom ? '\uFEFF' : '') + text + v.newline;
}
