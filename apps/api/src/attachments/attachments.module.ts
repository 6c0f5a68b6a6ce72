import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { mkdirSync } from 'node:fs';
import { ENV, type Env } from '../config/env';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { SniffingDiskStorage } from './upload-storage';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [ENV],
      useFactory: (env: Env) => {
        mkdirSync(env.UPLOAD_DIR, { recursive: true, mode: 0o700 });
        return { storage: new SniffingDiskStorage(env.UPLOAD_DIR) };
      },
    }),
  ],
  controllers: [AttachmentsController],
  providers: [AttachmentsService],
})
export class AttachmentsModule {}
