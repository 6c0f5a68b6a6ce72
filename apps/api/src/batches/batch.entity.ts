import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('batches')
export class Batch {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'timestamptz', name: 'opens_at' }) opensAt!: Date;
  @Column({ type: 'timestamptz' }) deadline!: Date;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
