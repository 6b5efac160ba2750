/// <reference lib="webworker" />
import { figuresOf, UnreadableExportError, type ExportInput } from '../domain/analyze.ts';
import { problemOf } from '../domain/import/problems.ts';
import type { ImportReport } from '../domain/import/report.ts';
import { pickSheet, spreadsheetRefusal, tableFromSheet } from '../domain/import/sheet.ts';
import { NotATableError } from '../domain/import/table.ts';
import { checkWorkbookSize } from '../domain/import/zip.ts';
import { packFigures } from './figuresTransfer.ts';
import type { AnalyzeRequest, AnalyzeResponse } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalyzeResponse, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);

/** Fewer messages than the pipeline reports: the bar has no use for finer steps. */
const STEP = 0.01;

/** A workbook's sheet as a split table, and which sheet it is. The XLSX reader loads only when a workbook is opened, and reads only one whose parts do not inflate too far. */
async function sheetTable(bytes: Uint8Array, choice: string | undefined): Promise<{ table: ExportInput; sheet: NonNullable<ImportReport['sheet']> }> {
  await checkWorkbookSize(bytes);
  const { default: readXlsxFile } = await import('read-excel-file/web-worker');
  let sheets;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = await readXlsxFile(buffer, { trim: false });
  } catch (error) {
    throw spreadsheetRefusal(error) ?? error;
  }
  const picked = pickSheet(sheets, choice);
  return { table: tableFromSheet(picked.data), sheet: { name: picked.sheet, count: sheets.length, by: picked.by } };
}

scope.onmessage = async ({ data }: MessageEvent<AnalyzeRequest>) => {
  let last = { stage: '', fraction: -1 };
  try {
    post({ type: 'progress', stage: 'decode', fraction: 0 });
    const workbook = data.format === 'xlsx' && typeof data.input !== 'string' ? await sheetTable(data.input, data.sheet) : null;
    const figures = figuresOf(workbook?.table ?? data.input, {
      ...data.options,
      onProgress(stage, fraction) {
        if (stage === last.stage && fraction - last.fraction < STEP) return;
        last = { stage, fraction };
        post({ type: 'progress', stage, fraction });
      },
    });
    if (workbook) figures.report = { ...figures.report, sheet: workbook.sheet };
    const packed = packFigures(figures);
    post({ type: 'result', figures: packed.figures }, packed.transfer);
  } catch (error) {
    post({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      refusal: error instanceof UnreadableExportError || error instanceof NotATableError ? error.refusal : null,
      problem: error instanceof UnreadableExportError ? error.problem : problemOf(error),
    });
  }
};
