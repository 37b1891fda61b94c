import { Injectable } from '@nestjs/common';

/** The current time, injectable so that due dates can be tested at their exact boundary. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
