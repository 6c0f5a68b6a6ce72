import { stringify } from 'csv-stringify';
import type * as ExcelJSModule from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { Cell, ExportColumn } from './columns';

/** Rows written so far; read by the caller for the audit event, also after a failure. */
export interface Progress {
  rows: number;
}

/** Characters that make a spreadsheet read a cell as a formula (or hide where it starts). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** OWASP's CSV-injection defence: such a cell is prefixed with a single quote and so stays text. */
export function neutralise(cell: Cell): string {
  if (cell === null) return '';
  const s = String(cell);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * CSV for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting (csv-stringify quotes a field
 * holding a comma, quote or line break and doubles its quotes). Backpressure: pipeline() pulls rows
 * from the cursor only as fast as the client takes the bytes. `out` is left open for the caller.
 */
export async function writeCsv<R>(rows: Readable, columns: ExportColumn<R>[], out: Writable, progress: Progress): Promise<void> {
  const toRecord = new Transform({
    objectMode: true,
    transform(row: R, _encoding, done) {
      progress.rows += 1;
      done(null, columns.map((c) => neutralise(c.value(row))));
    },
  });
  const csv = stringify({
    bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: '\r\n',
    // csv-stringify quotes a field holding the whole CRLF; RFC 4180 wants any CR or LF quoted
    quoted_match: /[\r\n]/,
  });
  await pipeline(rows, toRecord, csv, out, { end: false });
}

/** Column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

interface SheetStream {
  pipes?: Writable[];
  buffers?: unknown[];
}

const DATA_STYLE: Partial<ExcelJSModule.Style> = Object.freeze({}) as Partial<ExcelJSModule.Style>;

/** The zip entry stream is archiver's readable-stream v2, which lacks `writableNeedDrain`. */
const needsDrain = (s: Writable): boolean =>
  s.writableNeedDrain ?? (s as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false;

/**
 * XLSX through exceljs' streaming WorkbookWriter: each row is committed (serialised) at once and
 * never kept. exceljs itself does not push back, so after each row we wait while the sheet's
 * entry in the zip has more than its buffer pending (the zip and the response push back on it).
 * Text cells are written as strings (inline strings), so phone numbers and ids stay text.
 */
export async function writeXlsx<R>(
  rows: Readable, columns: ExportColumn<R>[], out: Writable, sheetName: string, progress: Progress,
): Promise<void> {
  const zipped = new PassThrough({ highWaterMark: 256 * 1024 });
  const delivered = pipeline(zipped, out, { end: false });
  let gone: Error | null = null;
  const closed = new Promise<never>((_, reject) => {
    const onClose = () => {
      if (!out.writableFinished) {
        gone = new Error('the client closed the connection');
        reject(gone);
      }
    };
    out.once('close', onClose);
    delivered.catch((e) => reject(gone ?? e));
  });
  closed.catch(() => undefined);

  // loaded on first use: exceljs adds some 12 MB to a process that may never write a workbook
  const ExcelJS: typeof ExcelJSModule = require('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  header.commit();

  const sheet = (ws as unknown as { stream?: SheetStream }).stream;
  const room = async () => {
    const entry = sheet?.pipes?.[0];
    if (entry && needsDrain(entry)) await Promise.race([once(entry, 'drain'), closed]);
    else if (!entry && (sheet?.buffers?.length ?? 0) > 4) await Promise.race([delay(5), closed]);
  };

  for await (const row of rows as AsyncIterable<R>) {
    if (gone) throw gone;
    const added = ws.addRow(columns.map((c) => c.value(row)));
    // one style object for every data cell: exceljs caches a style by object identity, where a
    // fresh object per cell costs a serialisation each (half the time of the whole export)
    added.eachCell((cell) => {
      cell.style = DATA_STYLE;
    });
    added.commit();
    progress.rows += 1;
    await room();
  }
  ws.autoFilter = `A1:${columnLetter(columns.length)}${progress.rows + 1}`;
  ws.commit();
  await Promise.race([wb.commit(), closed]);
  await Promise.race([delivered, closed]);
}
