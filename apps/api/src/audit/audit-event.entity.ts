import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this table. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'int', name: 'actor_id', nullable: true }) actorId!: number | null;
  @Column({ type: 'text', name: 'actor_email', nullable: true }) actorEmail!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) entity!: string;
  @Column({ type: 'text', name: 'entity_id', nullable: true }) entityId!: string | null;
  @Column({ type: 'jsonb', default: () => `'{}'` }) data!: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
