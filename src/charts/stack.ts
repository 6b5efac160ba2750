import { stack } from 'd3-shape';

/*
 * Stacked bands as plain numbers, ready for an area mark: d3-shape's stack
 * decides each band's lower and upper edge; marks only draw them.
 */

export interface StackLayer<K extends string = string> {
  key: K;
  /** Lower and upper edge of the band, one value per row. */
  lower: number[];
  upper: number[];
}

/**
 * Stacks `keys` of each row in the order given, the first at the bottom.
 * @example stackLayers([{ a: 1, b: 2 }], ['a', 'b']) // [{ key: 'a', lower: [0], upper: [1] }, { key: 'b', lower: [1], upper: [3] }]
 */
export function stackLayers<K extends string>(rows: readonly Readonly<Record<K, number>>[], keys: readonly K[]): StackLayer<K>[] {
  const series = stack<Readonly<Record<K, number>>, K>()
    .keys(keys)
    .value((row, key) => row[key])([...rows]);
  return series.map((s) => ({ key: s.key, lower: s.map((p) => p[0]), upper: s.map((p) => p[1]) }));
}
