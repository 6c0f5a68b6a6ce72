import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isEditable, type ApplicationKind, type AttachmentKind } from '@alliance/domain';
import { DataSource } from 'typeorm';
import { ApplicationsRepository } from '../applications/applications.repository';
import type { AuthUser } from '../auth/auth-user';
import { AuditRepository } from '../audit/audit.repository';
import { ENV, type Env } from '../config/env';
import { AppError, conflict, forbidden, notFound } from '../common/errors';
import { Attachment } from './attachment.entity';
import { AttachmentsRepository } from './attachments.repository';
import { safeFileName } from './file-sniffer';
import { uploadPath } from './upload-storage';

export type AttachmentView = Pick<Attachment, 'id' | 'kind' | 'fileName' | 'contentType' | 'size' | 'sha256'>;
export const viewAttachment = (a: Attachment): AttachmentView =>
  ({ id: a.id, kind: a.kind, fileName: a.fileName, contentType: a.contentType, size: a.size, sha256: a.sha256 });

type UploadedFile = Express.Multer.File & { sha256: string; ext: string };

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async upload(appKind: ApplicationKind, appId: number, kind: AttachmentKind, file: UploadedFile | undefined, user: AuthUser): Promise<AttachmentView> {
    if (!file) throw new AppError('validation', '请选择文件', [{ path: 'file', message: '缺少文件' }]);
    if (appKind === 'council' && kind === 'photo') {
      await fs.rm(file.path, { force: true });
      throw new AppError('validation', '参数有误', [{ path: 'kind', message: '理事单位申报只需上传盖章扫描件' }]);
    }
    let replaced: string | null = null;
    try {
      const view = await this.db.transaction(async (m) => {
        const app = await this.applications.lock(appKind, appId, m);
        const visible = app && (await this.applications.findVisible(appKind, appId, user, m));
        if (!app || !visible) throw notFound('申报');
        if (app.ownerId !== user.id) throw forbidden('只有申报人本人可以上传附件');
        if (!isEditable(app.state)) throw conflict('当前状态不能修改附件');
        const row = Object.assign(new Attachment(), {
          id: randomUUID(), applicationKind: appKind, applicationId: appId, kind,
          fileName: safeFileName(file.originalname, file.ext),
          contentType: file.mimetype, size: file.size, sha256: file.sha256, storageName: file.filename, uploadedBy: user.id,
        });
        replaced = await this.attachments.replace(m, row);
        await this.audit.record(m, user, { action: 'upload', entity: `${appKind}_application`, entityId: appId, data: { kind, sha256: row.sha256, size: row.size } });
        return viewAttachment(row);
      });
      if (replaced) await fs.rm(uploadPath(this.env.UPLOAD_DIR, replaced), { force: true });
      return view;
    } catch (e) {
      await fs.rm(file.path, { force: true });
      throw e;
    }
  }

  /** The file, only for users who may see its application. */
  async open(id: string, user: AuthUser): Promise<{ attachment: Attachment; path: string }> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('附件');
    const attachment = await this.attachments.findWithStorage(id);
    if (!attachment || !(await this.applications.findVisible(attachment.applicationKind, attachment.applicationId, user))) throw notFound('附件');
    const path = uploadPath(this.env.UPLOAD_DIR, attachment.storageName);
    try {
      await fs.access(path);
    } catch {
      this.logger.error(`attachment ${id} is missing its file`);
      throw notFound('附件');
    }
    return { attachment, path };
  }
}
