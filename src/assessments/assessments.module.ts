import { Module } from '@nestjs/common';
import { AssessmentAnswersResolver } from './assessment-answers.resolver';
import { AssessmentReader } from './assessment-reader';
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
    AssessmentReader,
    AssessmentsResolver,
    TenantAssessmentsResolver,
    AssessmentOutlookResolver,
    AssessmentAnswersResolver,
  ],
  exports: [AssessmentReader, AssessmentsService],
})
export class AssessmentsModule {}
