import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Department } from '../scoring';

/** A row of `team_members`. tenant_id and id come from the column defaults. */
@Entity('team_members')
export class TeamMemberEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', default: () => 'app_current_tenant()' })
  tenantId!: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('uuid', { name: 'team_id' })
  teamId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  department!: Department;

  @Column('boolean')
  external!: boolean;

  @Column('integer')
  insight!: number;

  @Column('integer')
  experience!: number;

  @Column('integer')
  affinity!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
