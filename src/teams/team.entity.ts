import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A row of `teams`. tenant_id and id come from the column defaults (the transaction's tenant, a new UUID). */
@Entity('teams')
export class TeamEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', default: () => 'app_current_tenant()' })
  tenantId!: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('text')
  name!: string;

  /** Optimistic concurrency: bumped by every change, checked in the same UPDATE (not TypeORM's @VersionColumn). */
  @Column('integer', { default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
