import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type {
  ApplicationKind, ApplicationState, DepartmentCategory, DepartmentHonor, Degree, Education, Gender,
  PoliticalStatus, PositionKind, Seat, TargetGroup,
} from '@alliance/domain';
import { numeric } from '../db/transformers';
import { School } from '../schools/school.entity';

export interface PersonContact { name: string; position: string; phone: string; email: string }

/** 附件1 理事单位（学校）申报表. */
@Entity('council_applications')
export class CouncilApplication {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int', name: 'batch_id' }) batchId!: number;
  @Column({ type: 'int', name: 'school_id' }) schoolId!: number;
  @ManyToOne(() => School) @JoinColumn({ name: 'school_id' }) school?: School;
  @Column({ type: 'int', name: 'owner_id' }) ownerId!: number;
  @Column({ type: 'text', default: 'draft' }) state!: ApplicationState;
  @Column({ type: 'numeric', name: 'equipment_major_share_5y_pct', nullable: true, transformer: numeric }) equipmentMajorShare5yPct!: number | null;
  @Column({ type: 'jsonb', nullable: true }) representative!: Partial<PersonContact> | null;
  @Column({ type: 'jsonb', nullable: true }) contact!: Partial<PersonContact> | null;
  @Column({ type: 'jsonb', name: 'school_opinion', nullable: true }) schoolOpinion!: { recommendedRepresentative?: string | null; signer?: string | null; date?: string | null } | null;
  @Column({ type: 'text', nullable: true }) suggestions!: string | null;
  @Column({ type: 'text', name: 'last_comment', nullable: true }) lastComment!: string | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  @OneToMany(() => Department, (d) => d.councilApplication) departments?: Department[];
}

/** A department (二级院系) entered on a council application. */
@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int', name: 'council_application_id' }) councilApplicationId!: number;
  @ManyToOne(() => CouncilApplication, (a) => a.departments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_application_id' }) councilApplication?: CouncilApplication;
  @Column({ type: 'int', name: 'school_id' }) schoolId!: number;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'text', nullable: true }) category!: DepartmentCategory | null;
  @Column({ type: 'text', name: 'established_on', nullable: true }) establishedOn!: string | null;
  @Column({ type: 'numeric', name: 'major_share_pct', nullable: true, transformer: numeric }) majorSharePct!: number | null;
  @Column({ type: 'int', name: 'avg_enrollment_3y', nullable: true }) avgEnrollment3y!: number | null;
  @Column({ type: 'text', name: 'head_name', nullable: true }) headName!: string | null;
  @Column({ type: 'text', name: 'head_position', nullable: true }) headPosition!: string | null;
  @Column({ type: 'text', name: 'strong_majors', array: true, default: () => `'{}'` }) strongMajors!: string[];
}

/** 附件2 成员（个人）申报表. */
@Entity('member_applications')
export class MemberApplication {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int', name: 'batch_id' }) batchId!: number;
  @Column({ type: 'int', name: 'school_id' }) schoolId!: number;
  @ManyToOne(() => School) @JoinColumn({ name: 'school_id' }) school?: School;
  @Column({ type: 'int', name: 'department_id', nullable: true }) departmentId!: number | null;
  @ManyToOne(() => Department) @JoinColumn({ name: 'department_id' }) department?: Department | null;
  @Column({ type: 'int', name: 'owner_id' }) ownerId!: number;
  @Column({ type: 'text', default: 'draft' }) state!: ApplicationState;
  @Column({ type: 'text', nullable: true }) seat!: Seat | null;
  @Column({ type: 'smallint', name: 'target_group', nullable: true }) targetGroup!: TargetGroup | null;
  @Column({ type: 'jsonb', name: 'department_honors', default: () => `'[]'` }) departmentHonors!: { kind: DepartmentHonor; text?: string | null }[];
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'text', nullable: true }) gender!: Gender | null;
  @Column({ type: 'text', name: 'birth_month', nullable: true }) birthMonth!: string | null;
  @Column({ type: 'text', name: 'political_status', nullable: true }) politicalStatus!: PoliticalStatus | null;
  @Column({ type: 'text', nullable: true }) education!: Education | null;
  @Column({ type: 'text', nullable: true }) degree!: Degree | null;
  @Column({ type: 'text', name: 'alma_mater', nullable: true }) almaMater!: string | null;
  @Column({ type: 'text', name: 'studied_major', nullable: true }) studiedMajor!: string | null;
  @Column({ type: 'int', name: 'teaching_years', nullable: true }) teachingYears!: number | null;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ type: 'text', nullable: true }) field!: string | null;
  @Column({ type: 'jsonb', nullable: true }) position!: { kind: PositionKind; text?: string | null } | null;
  @Column({ type: 'text', nullable: true }) mobile!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) achievements!: string | null;
  @Column({ type: 'text', nullable: true }) experience!: string | null;
  @Column({ type: 'int', name: 'industry_years', nullable: true }) industryYears!: number | null;
  @Column({ type: 'text', name: 'industry_work', nullable: true }) industryWork!: string | null;
  @Column({ type: 'text', nullable: true }) awards!: string | null;
  @Column({ type: 'text', nullable: true }) memberships!: string | null;
  @Column({ type: 'jsonb', nullable: true }) commitment!: { accepted: boolean; date?: string | null } | null;
  @Column({ type: 'jsonb', name: 'school_opinion', nullable: true }) schoolOpinion!: { signer?: string | null; date?: string | null } | null;
  @Column({ type: 'text', nullable: true }) suggestions!: string | null;
  @Column({ type: 'text', name: 'last_comment', nullable: true }) lastComment!: string | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('quota_exceptions')
export class QuotaException {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text', name: 'application_kind' }) applicationKind!: ApplicationKind;
  @Column({ type: 'int', name: 'application_id' }) applicationId!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'int', name: 'granted_by' }) grantedBy!: number;
  @Column({ type: 'timestamptz', name: 'granted_at', default: () => 'now()' }) grantedAt!: Date;
}

/** One row of an application's history. */
@Entity('transitions')
export class Transition {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text', name: 'application_kind' }) applicationKind!: ApplicationKind;
  @Column({ type: 'int', name: 'application_id' }) applicationId!: number;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text', name: 'from_state' }) from!: ApplicationState;
  @Column({ type: 'text', name: 'to_state' }) to!: ApplicationState;
  @Column({ type: 'int', name: 'actor_id' }) actorId!: number;
  @Column({ type: 'text', name: 'actor_role' }) actorRole!: string;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
