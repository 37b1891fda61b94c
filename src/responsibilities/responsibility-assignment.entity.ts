import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Department, OwnerKind, Responsibility } from '../scoring';

/** A row of `responsibility_assignments`: who owns one responsibility. No row: nobody owns it. */
@Entity('responsibility_assignments')
export class ResponsibilityAssignmentEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', default: () => 'app_current_tenant()' })
  tenantId!: string;

  @PrimaryColumn('text')
  responsibility!: Responsibility;

  @Column('text', { name: 'owner_kind' })
  ownerKind!: OwnerKind;

  @Column('uuid', { name: 'member_id', nullable: true })
  memberId!: string | null;

  @Column('text', { nullable: true })
  department!: Department | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
