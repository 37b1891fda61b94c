import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Request } from 'express';

export interface AuthUser {
  id: string;
  /** The token's `iat` (seconds, fractional): refused when the account ended its sessions after it. */
  issuedAt?: number;
}

/** An API key presented as the bearer credential: only its hash travels past the guard, never the secret. */
export interface PresentedApiKey {
  hash: string;
  /** Set once the key is resolved (for the access log). */
  id?: string;
}

export type AppRequest = Request & { user?: AuthUser; apiKey?: PresentedApiKey };

/** The HTTP request behind a GraphQL resolver or a REST handler. */
export function requestOf(context: ExecutionContext): AppRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AppRequest }>().req;
  }
  return context.switchToHttp().getRequest<AppRequest>();
}
