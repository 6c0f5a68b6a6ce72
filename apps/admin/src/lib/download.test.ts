import { fileNameFromDisposition, formatBytes, percentOf, readWithProgress, type DownloadProgress } from './download';

const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(c));
      controller.close();
    },
  });

describe('download', () => {
  it('prefers filename* (UTF-8, percent-encoded) over filename', () => {
    const name = '理事单位申报-2024-04-15.xlsx';
    expect(fileNameFromDisposition(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)).toBe(name);
    expect(fileNameFromDisposition(`attachment; filename*=utf-8'zh-CN'${encodeURIComponent('成员名录.csv')}`)).toBe('成员名录.csv');
    expect(fileNameFromDisposition('attachment; filename="roster \\"a\\".csv"')).toBe('roster "a".csv');
    expect(fileNameFromDisposition('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A; filename=fallback.csv")).toBe('fallback.csv');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''${encodeURIComponent('../../etc/passwd')}`)).toBe('.._.._etc_passwd');
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('inline')).toBeNull();
  });

  it('computes a percentage only when the size is known', () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(50, null)).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
  });

  it('reads a stream chunk by chunk, reporting bytes and percent', async () => {
    const response = new Response(streamOf([new Uint8Array(100), new Uint8Array(300)]), {
      headers: { 'Content-Length': '400', 'Content-Type': 'text/csv; charset=utf-8' },
    });
    const seen: DownloadProgress[] = [];
    const blob = await readWithProgress(response, (p) => seen.push(p));
    expect(blob.size).toBe(400);
    expect(blob.type).toBe('text/csv; charset=utf-8');
    expect(seen.map((p) => [p.received, p.percent])).toEqual([
      [0, 0],
      [100, 25],
      [400, 100],
    ]);
  });

  it('reports bytes without a percentage when Content-Length is missing', async () => {
    const response = new Response(streamOf([new Uint8Array(10), new Uint8Array(5)]));
    const seen: DownloadProgress[] = [];
    await readWithProgress(response, (p) => seen.push(p));
    expect(seen.at(-1)).toEqual({ received: 15, total: null, percent: null });
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});
