import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ExpertDuty, Role } from '@alliance/domain';

/** A stored state of pending, accepted or revoked; "expired" is pending past `expiresAt`. */
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ type: 'text', nullable: true }) duty!: ExpertDuty | null;
  @Column({ type: 'text', nullable: true }) organization!: string | null;
  @Column({ type: 'text', nullable: true }) message!: string | null;
  @Column({ type: 'text', default: 'pending' }) state!: 'pending' | 'accepted' | 'revoked';
  @Column({ type: 'text', name: 'token_hash', select: false }) tokenHash!: string;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'int', name: 'invited_by' }) invitedBy!: number;
  @Column({ type: 'int', name: 'user_id', nullable: true }) userId!: number | null;
  @Column({ type: 'int', name: 'sent_count', default: 1 }) sentCount!: number;
  @Column({ type: 'timestamptz', name: 'last_sent_at', default: () => 'now()' }) lastSentAt!: Date;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
