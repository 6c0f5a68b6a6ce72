import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Ownership, SchoolHonor, SchoolType } from '@alliance/domain';

@Entity('schools')
export class School {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: SchoolType;
  @Column({ type: 'text' }) ownership!: Ownership;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) honors!: SchoolHonor[];
  @Column({ type: 'text', name: 'honors_other', nullable: true }) honorsOther!: string | null;
  @Column({ type: 'text', nullable: true }) province!: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
