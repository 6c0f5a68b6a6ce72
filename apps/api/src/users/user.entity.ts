import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@alliance/domain';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'password_hash', select: false }) passwordHash!: string;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ type: 'int', name: 'school_id', nullable: true }) schoolId!: number | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'timestamptz', name: 'email_verified_at', nullable: true }) emailVerifiedAt!: Date | null;
  @Column({ type: 'text', name: 'verification_token_hash', nullable: true, select: false }) verificationTokenHash!: string | null;
  @Column({ type: 'timestamptz', name: 'verification_expires_at', nullable: true }) verificationExpiresAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

@Entity('login_failures')
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) ip!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
