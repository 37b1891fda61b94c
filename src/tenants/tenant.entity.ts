import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Culture, Department, Market } from '../scoring';

@Entity('tenants')
export class TenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('integer', { name: 'employee_count' })
  employeeCount!: number;

  @Column('text', { array: true })
  departments!: Department[];

  @Column('text')
  culture!: Culture;

  @Column('text')
  market!: Market;

  @Column('integer')
  locations!: number;

  @Column('text', { nullable: true })
  sector!: string | null;

  @Column('integer', { name: 'reassessment_cadence_days' })
  reassessmentCadenceDays!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('integer')
  version!: number;
}
