import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { AppError } from '../common/errors';
import { ACCEPTED, SNIFF_BYTES, sniff } from './file-sniffer';
import type { AttachmentKind } from '@alliance/domain';

export interface StoredUpload {
  storageName: string;
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  ext: string;
}

/**
 * A multer storage engine that streams the upload to a generated name under the upload
 * folder, hashing as it goes, judging the type by the first bytes and stopping as soon as
 * the size limit of the attachment kind is passed. Nothing is buffered whole.
 */
export class SniffingDiskStorage implements StorageEngine {
  constructor(private readonly dir: string) {}

  _handleFile(req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    const kind = req.query.kind as AttachmentKind;
    const accepted = ACCEPTED[kind];
    if (!accepted) {
      file.stream.resume();
      cb(new AppError('validation', '参数有误', [{ path: 'kind', message: 'kind 必须是 sealed_scan 或 photo' }]));
      return;
    }
    const storageName = `${randomUUID()}.bin`;
    const path = join(this.dir, storageName);
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let detected: ReturnType<typeof sniff> = null;
    let failed = false;

    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      file.stream.unpipe();
      file.stream.resume();
      out.destroy();
      fs.rm(path, { force: true }).finally(() => cb(error));
    };

    file.stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > accepted.maxBytes) {
        fail(new AppError('payload_too_large', `文件不能超过 ${Math.round(accepted.maxBytes / 1048576)} MiB`));
        return;
      }
      if (!detected && head.length < SNIFF_BYTES) {
        head = Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES);
        if (head.length >= SNIFF_BYTES) {
          detected = sniff(head);
          if (!detected || !accepted.types.includes(detected.type)) {
            fail(new AppError('unsupported_media_type', kind === 'photo' ? '照片只接受 JPEG 或 PNG 图片' : '扫描件只接受 PDF、JPEG 或 PNG 文件'));
            return;
          }
        }
      }
      hash.update(chunk);
      if (!out.write(chunk)) {
        file.stream.pause();
        out.once('drain', () => file.stream.resume());
      }
    });
    file.stream.on('error', (e) => fail(new AppError('validation', `上传中断：${e.message}`)));
    file.stream.on('end', () => {
      if (failed) return;
      detected ??= sniff(head);
      if (!detected || !accepted.types.includes(detected.type)) {
        fail(new AppError('unsupported_media_type', '文件类型不被接受'));
        return;
      }
      const type = detected;
      out.end(() => cb(null, { path, size, filename: storageName, mimetype: type.type, destination: this.dir,
        // carried to the controller through multer's file object
        ...({ sha256: hash.digest('hex'), ext: type.ext } as object) }));
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    fs.rm(file.path, { force: true }).then(() => cb(null), cb);
  }
}

export const uploadPath = (dir: string, storageName: string) => join(dir, storageName);
