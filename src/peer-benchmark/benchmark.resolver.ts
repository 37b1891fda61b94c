import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../tenancy';
import { ALL_ROLES } from '../common/roles';
import { Benchmark } from './benchmark.model';
import { BenchmarkService } from './benchmark.service';

@Resolver(() => Benchmark)
export class BenchmarkResolver {
  constructor(private readonly benchmarks: BenchmarkService) {}

  @Query(() => Benchmark, {
    description:
      "The selected tenant's latest score placed against its size band's daily differentially private release.",
  })
  @Access.tenant(ALL_ROLES)
  benchmark(): Promise<Benchmark> {
    return this.benchmarks.ofSelectedTenant();
  }
}
