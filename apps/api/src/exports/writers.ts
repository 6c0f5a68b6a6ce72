import type * as ExcelJSModule from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { Cell, ExportColumn } from './columns';

/** Rows written so far; read by the caller for the audit event, also after a failure. */
export interface Progress {
  rows: number;
}

/** Bytes gathered before they go to the response: a few large writes rather than one per row. */
const CHUNK_BYTES = 64 * 1024;

/** A field that RFC 4180 quotes: it holds a comma, a double quote, CR or LF. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field. A cell starting with `=`, `+`, `-`, `@`, tab, CR or LF is prefixed with a single
 * quote so that a spreadsheet reads it as text (OWASP's CSV-injection defence); then RFC 4180
 * quoting, with the quotes inside doubled.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  let s = typeof cell === 'string' ? cell : String(cell);
  if (s === '') return s;
  const first = s.charCodeAt(0);
  // = + - @ tab CR LF
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 || first === 10) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Waits until `out` wants more; fails if it closes first (the client went away). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the client closed the connection'));
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

async function send(out: Writable, bytes: Buffer): Promise<void> {
  // a destroyed response drops what is written to it without an error, and never drains
  if (out.destroyed) throw new Error('the client closed the connection');
  if (!out.write(bytes)) await drained(out);
}

/**
 * CSV for Excel: UTF-8 with a BOM, CRLF line ends, `csvField` for each cell. Each line is encoded
 * straight into a ~64 KiB Buffer that is written to `out` when full (one long string of many
 * pieces would cost far more to flatten and encode, and the response would scan it once more to
 * size its chunk). Backpressure: the cursor is read only as fast as `out` takes the bytes. `out`
 * is left open for the caller.
 */
export async function writeCsv<R>(rows: Readable, columns: ExportColumn<R>[], out: Writable, progress: Progress): Promise<void> {
  const values = columns.map((c) => c.value);
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = buffer.write(`\ufeff${columns.map((c) => csvField(c.header)).join(',')}\r\n`);
  for await (const first of rows as AsyncIterable<R>) {
    // The rows already fetched are taken with read(), without a promise each. The first read() of a
    // batch has asked the cursor for the next one, so PostgreSQL produces it while this one is written.
    for (let row: R | null = first; row !== null; row = rows.read() as R | null) {
      let line = csvField(values[0](row));
      for (let i = 1; i < values.length; i++) line += `,${csvField(values[i](row))}`;
      line += '\r\n';
      progress.rows += 1;
      // at most 3 bytes per UTF-16 unit: if the line may not fit, the buffer goes out first
      if (used + line.length * 3 > buffer.length) {
        await send(out, buffer.subarray(0, used));
        buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, line.length * 3));
        used = 0;
      }
      used += buffer.write(line, used);
    }
  }
  await send(out, buffer.subarray(0, used));
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
