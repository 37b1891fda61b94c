import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KpiKind } from '../scoring';

/** A row of `initiative_kpis`: the KPI at `position` (0-based, the order the client gave) of an initiative. */
@Entity('initiative_kpis')
export class InitiativeKpiEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', default: () => 'app_current_tenant()' })
  tenantId!: string;

  @PrimaryColumn('uuid', { name: 'initiative_id' })
  initiativeId!: string;

  @PrimaryColumn('integer')
  position!: number;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: KpiKind;
}
