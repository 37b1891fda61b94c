import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsIn, IsOptional, Length } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScopeName } from '../../tenancy';
import { ApiKeyScopeEnum } from '../api-key.model';

@ArgsType()
export class CreateApiKeyArgs {
  @Field({ description: 'A name to recognise the key by (1 to 100 characters).' })
  @Length(1, 100)
  name!: string;

  @Field(() => [ApiKeyScopeEnum], { description: 'What the key may do (at least one scope).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes!: ApiKeyScopeName[];

  @Field(() => Date, { nullable: true, description: 'When the key stops working (in the future); omitted: never.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}
