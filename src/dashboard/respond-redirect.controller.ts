import { Controller, Get, Header, Param, Redirect } from '@nestjs/common';
import { Access } from '../tenancy';

/**
 * `GET /respond/<token>` is the link a respondent gets (<PUBLIC_URL>/respond/<token>): it opens the respondent's
 * page of the workspace, `/dashboard/#/respond/<token>`, with a 302. The token travels on in the fragment, which
 * browsers never send to a server nor in a Referer. Nothing is looked up here: the page asks the API
 * (respondentCampaign, rate-limited per IP) what the link shows.
 */
@Controller('respond')
export class RespondRedirectController {
  @Get(':token')
  @Access.public()
  @Header('Cache-Control', 'no-store')
  @Redirect('/dashboard/', 302)
  respond(@Param('token') token: string): { url: string; statusCode: number } {
    return { url: `/dashboard/#/respond/${encodeURIComponent(token.slice(0, 200))}`, statusCode: 302 };
  }
}
