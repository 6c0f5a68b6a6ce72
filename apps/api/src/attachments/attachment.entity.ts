import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationKind, AttachmentKind } from '@alliance/domain';

@Entity('attachments')
export class Attachment {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text', name: 'application_kind' }) applicationKind!: ApplicationKind;
  @Column({ type: 'int', name: 'application_id' }) applicationId!: number;
  @Column({ type: 'text' }) kind!: AttachmentKind;
  @Column({ type: 'text', name: 'file_name' }) fileName!: string;
  @Column({ type: 'text', name: 'content_type' }) contentType!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  /** Generated name under UPLOAD_DIR; never derived from the client's file name. */
  @Column({ type: 'text', name: 'storage_name', select: false }) storageName!: string;
  @Column({ type: 'int', name: 'uploaded_by' }) uploadedBy!: number;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
