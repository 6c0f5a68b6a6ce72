import { Global, Module } from '@nestjs/common';

/** The time source of use cases that depend on "now" (expiry): injected so tests can move time. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** Provides CLOCK everywhere. Tests replace it with `app.get(CLOCK)` and `jest.spyOn(clock, 'now')`. */
@Global()
@Module({ providers: [{ provide: CLOCK, useClass: SystemClock }], exports: [CLOCK] })
export class ClockModule {}
