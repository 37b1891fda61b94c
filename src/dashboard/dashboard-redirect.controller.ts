import { Controller, Get, Redirect } from '@nestjs/common';
import { Access } from '../tenancy';

/** `GET /` is where a browser lands first: it goes on to the dashboard (the API itself is at /graphql). */
@Controller()
export class DashboardRedirectController {
  @Get()
  @Access.public()
  @Redirect('/dashboard/', 302)
  root(): void {}
}
