import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationKind, EmailStatus, EmailTemplate } from '@alliance/domain';

/**
 * One mail to one recipient: the outbox row written in the transaction that causes it,
 * and afterwards its delivery log.
 */
@Entity('emails')
export class Email {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) template!: EmailTemplate;
  @Column({ type: 'text', name: 'to_email' }) toEmail!: string;
  @Column({ type: 'int', name: 'to_user_id', nullable: true }) toUserId!: number | null;
  @Column({ type: 'text', nullable: true }) subject!: string | null;
  @Column({ type: 'text', name: 'application_kind', nullable: true }) applicationKind!: ApplicationKind | null;
  @Column({ type: 'int', name: 'application_id', nullable: true }) applicationId!: number | null;
  @Column({ type: 'int', name: 'invitation_id', nullable: true }) invitationId!: number | null;
  @Column({ type: 'jsonb', default: () => `'{}'` }) data!: Record<string, unknown>;
  @Column({ type: 'text', default: 'pending' }) status!: EmailStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError!: string | null;
  @Column({ type: 'text', name: 'message_id', nullable: true }) messageId!: string | null;
  @Column({ type: 'text', name: 'dedupe_key', nullable: true }) dedupeKey!: string | null;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'queued_at', nullable: true }) queuedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
