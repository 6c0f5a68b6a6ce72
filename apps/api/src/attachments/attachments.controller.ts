import { Controller, Get, Inject, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { LIMITS, type AttachmentKind } from '@alliance/domain';
import type { Response } from 'express';
import { createReadStream } from 'node:fs';
import { kindOfResource } from '../applications/application-kinds';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { idParam } from '../common/validation';
import { AttachmentsService, AttachmentView } from './attachments.service';

@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

  @Post(':resource/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'kind', enum: ['sealed_scan', 'photo'] })
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: LIMITS.scanMaxBytes + 1, files: 1, fields: 0, parts: 2 } }))
  upload(
    @Param('resource') resource: string,
    @Param('id') id: string,
    @Query('kind') kind: AttachmentKind,
    @UploadedFile() file: Express.Multer.File & { sha256: string; ext: string },
    @CurrentUser() user: AuthUser,
  ): Promise<AttachmentView> {
    // busboy reads the multipart file name as latin1; browsers send UTF-8 bytes
    if (file?.originalname) file.originalname = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.attachments.upload(kindOfResource(resource), idParam(id), kind, file, user);
  }

  /** Sent as a download with nosniff, never rendered inline by the browser as a page. */
  @Get('attachments/:id')
  async download(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { attachment, path } = await this.attachments.open(id, user);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.attachment(attachment.fileName);
    createReadStream(path).pipe(res);
  }
}
