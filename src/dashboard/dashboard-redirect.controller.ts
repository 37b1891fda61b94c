import { Controller, Get, Param, Redirect } from '@nestjs/common';
import { Access } from '../tenancy';

/** `GET /` is where a browser lands first: it goes on to the dashboard (the API itself is at /graphql). */
@Controller()
export class DashboardRedirectController {
  @Get()
  @Access.public()
  @Redirect('/dashboard/', 302)
  root(): void {}

  /**
   * `GET /invitations/<token>`: the link in an invitation goes on to the workspace's accept page. The token stays
   * in the fragment (never sent to a server again, nor in a Referer); only URL-safe characters pass through.
   */
  @Get('invitations/:token')
  @Access.public()
  @Redirect('/dashboard/', 302)
  invitation(@Param('token') token: string): { url: string; statusCode: number } {
    return { url: `/dashboard/#/invitations/accept/${encodeURIComponent(token)}`, statusCode: 302 };
  }
}
