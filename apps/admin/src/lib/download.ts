import { apiFetch } from '../data/http';

/**
 * Exports are streamed: the body is read chunk by chunk to show progress (bytes received, and a
 * percentage when the server sends Content-Length), then saved under the server's file name.
 */

export interface DownloadProgress {
  received: number;
  total: number | null;
  /** 0–100, or null when the total size is unknown. */
  percent: number | null;
}

export const percentOf = (received: number, total: number | null): number | null =>
  total && total > 0 ? Math.min(100, Math.floor((received / total) * 100)) : null;

/**
 * The file name of a Content-Disposition header. `filename*` (RFC 6266 / RFC 5987, used for
 * Chinese names) wins over the plain `filename`.
 */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (star) {
    const value = star[1].trim().replace(/^"(.*)"$/, '$1');
    const m = /^([\w!#$%&+^`{}~-]*)'[^']*'(.*)$/.exec(value);
    const encoded = m ? m[2] : value;
    try {
      const name = decodeURIComponent(encoded);
      if (name) return sanitizeFileName(name);
    } catch {
      // malformed percent-encoding: fall back to the plain filename
    }
  }
  const plain = /filename\s*=\s*("((?:\\.|[^"\\])*)"|[^;]+)/i.exec(header);
  if (plain) {
    const name = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
    if (name) return sanitizeFileName(name);
  }
  return null;
}

/** No directory parts or control characters in a name we save. */
export const sanitizeFileName = (name: string): string =>
  // eslint-disable-next-line no-control-regex
  name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f]/g, '').trim();

/** Reads a response body to a Blob, reporting progress after every chunk. */
export async function readWithProgress(
  response: Response,
  onProgress: (p: DownloadProgress) => void,
): Promise<Blob> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  if (!response.body) {
    const blob = await response.blob();
    onProgress({ received: blob.size, total, percent: percentOf(blob.size, total) ?? 100 });
    return blob;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total, percent: percentOf(received, total) });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) {
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total, percent: percentOf(received, total) });
    }
  }
  return new Blob(chunks as BlobPart[], { type });
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** GETs a file of the API with the bearer header, streaming it with progress. */
export async function downloadWithProgress(
  url: string,
  fallbackName: string,
  onProgress: (p: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  const response = await apiFetch(url, { signal });
  const blob = await readWithProgress(response, onProgress);
  return { blob, fileName: fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName };
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const UNITS = ['B', 'KB', 'MB', 'GB'];
/** 1536 → '1.5 KB'. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}
