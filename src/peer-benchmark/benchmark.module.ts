import { Module } from '@nestjs/common';
import { BenchmarkResolver } from './benchmark.resolver';
import { BenchmarkService } from './benchmark.service';

@Module({ providers: [BenchmarkService, BenchmarkResolver] })
export class BenchmarkModule {}
