import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { DepartmentEnum } from '../../graphql';
import { DEPARTMENTS, type Department } from '../../scoring';

@InputType('RespondentInput', { description: 'Someone to invite: their email, department and whether external.' })
export class RespondentInput {
  @Field({ description: 'Where the response link goes.' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Field(() => DepartmentEnum, { description: "The respondent's department." })
  @IsIn(DEPARTMENTS)
  department!: Department;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'An agency person rather than staff.' })
  @IsOptional()
  @IsBoolean()
  external?: boolean | null = false;
}
