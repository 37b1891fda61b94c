import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Department, FailureFactor, InitiativeStatus, Outsourcing } from '../scoring';

/** A row of `initiatives`. tenant_id and id come from the column defaults. */
@Entity('initiatives')
export class InitiativeEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', default: () => 'app_current_tenant()' })
  tenantId!: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  status!: InitiativeStatus;

  @Column('text', { name: 'owner_department' })
  ownerDepartment!: Department;

  @Column('text')
  outsourcing!: Outsourcing;

  @Column('integer', { nullable: true })
  satisfaction!: number | null;

  @Column('text', { name: 'failure_factors', array: true, default: () => "'{}'" })
  failureFactors!: FailureFactor[];

  /** Optimistic concurrency: bumped by every change, checked in the same UPDATE (not TypeORM's @VersionColumn). */
  @Column('integer', { default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
