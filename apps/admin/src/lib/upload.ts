import { LIMITS, type AttachmentKind } from '@alliance/domain';
import { formatBytes } from './download';

/** The file types the API accepts (it judges by content; this only saves a useless upload). */
export const ACCEPTED_TYPES: Record<AttachmentKind, string[]> = {
  sealed_scan: ['application/pdf', 'image/jpeg', 'image/png'],
  photo: ['image/jpeg', 'image/png'],
};

/** Size limits of API.md (scan ≤ 10 MiB, photo ≤ 2 MiB), from @alliance/domain. */
export const MAX_BYTES: Record<AttachmentKind, number> = {
  sealed_scan: LIMITS.scanMaxBytes,
  photo: LIMITS.photoMaxBytes,
};

export const typesLabel = (kind: AttachmentKind): string => (kind === 'photo' ? 'JPG, PNG' : 'PDF, JPG, PNG');

/** A problem with a chosen file, as a translation key and its arguments, or null when it may be sent. */
export function checkUpload(kind: AttachmentKind, file: { type: string; size: number }): [string, Record<string, string>] | null {
  if (file.type && !ACCEPTED_TYPES[kind].includes(file.type)) return ['app.attachments.bad_type', { types: typesLabel(kind) }];
  if (file.size > MAX_BYTES[kind]) return ['app.attachments.too_big', { max: formatBytes(MAX_BYTES[kind]) }];
  return null;
}
