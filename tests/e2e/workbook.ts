import Papa from 'papaparse';

/** A canonical CSV export's rows as a spreadsheet's cells for write-excel-file, dates as date cells. */
export function workbookCells(csv: string): unknown[][] {
  const [header, ...rows] = Papa.parse<string[]>(csv.trim()).data;
  const dates = new Set(header!.flatMap((h, i) => (h === 'date' || h === 'next_due' ? [i] : [])));
  return [
    header!,
    ...rows.map((r) =>
      r.map((v, i) => {
        if (!dates.has(i) || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return v === '' ? null : v;
        const [y, m, d] = v.split('-').map(Number);
        return { value: new Date(Date.UTC(y!, m! - 1, d!)), type: Date, format: 'dd-mm-yyyy' };
      }),
    ),
  ];
}
