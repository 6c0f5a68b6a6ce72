import type { AttachmentKind } from '@alliance/domain';
import { LIMITS } from '@alliance/domain';

/** Content types we accept, recognised by their leading bytes (never by the client's name or header). */
const SIGNATURES: { type: string; ext: string; bytes: number[] }[] = [
  { type: 'application/pdf', ext: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', ext: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', ext: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

export const SNIFF_BYTES = 8;

export function sniff(head: Buffer): { type: string; ext: string } | null {
  const hit = SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b));
  return hit ? { type: hit.type, ext: hit.ext } : null;
}

export const ACCEPTED: Record<AttachmentKind, { types: string[]; maxBytes: number }> = {
  sealed_scan: { types: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: LIMITS.scanMaxBytes },
  photo: { types: ['image/jpeg', 'image/png'], maxBytes: LIMITS.photoMaxBytes },
};

/** A display name: no path, no control characters, bounded length. */
export function safeFileName(raw: string | undefined, ext: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim().slice(0, 150);
  return cleaned || `file.${ext}`;
}
