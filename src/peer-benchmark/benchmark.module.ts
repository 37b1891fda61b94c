import { Module } from '@nestjs/common';
import { BenchmarkRepository } from './benchmark.repository';
import { BenchmarkResolver } from './benchmark.resolver';
import { BenchmarkService } from './benchmark.service';

@Module({ providers: [BenchmarkRepository, BenchmarkService, BenchmarkResolver], exports: [BenchmarkService] })
export class BenchmarkModule {}
