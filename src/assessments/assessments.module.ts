import { Module } from '@nestjs/common';
import { AssessmentLoaders } from './assessment.loaders';
import { AssessmentOutlookResolver } from './assessment-outlook.resolver';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsResolver } from './assessments.resolver';
import { AssessmentsService } from './assessments.service';
import { OrganisationFactsReader } from './organisation-facts.reader';
import { TenantAssessmentsResolver } from './tenant-assessments.resolver';

@Module({
  providers: [
    AssessmentsRepository,
    OrganisationFactsReader,
    AssessmentsService,
    AssessmentLoaders,
    AssessmentsResolver,
    TenantAssessmentsResolver,
    AssessmentOutlookResolver,
  ],
  exports: [AssessmentsRepository, AssessmentsService, AssessmentLoaders],
})
export class AssessmentsModule {}
