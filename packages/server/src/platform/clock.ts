import { dateIn, DEFAULT_TIME_ZONE } from '@l2c/shared';

// Business dates are 'YYYY-MM-DD' in the tenant's time zone, never JS Dates at local midnight (@l2c/shared dates.ts
// has the arithmetic). The day the moment `at` falls on in `timeZone`.
export function businessDate(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dateIn(at, timeZone);
}

/** Today for whoever acts: the business date of `now` in the actor's tenant's zone (the default zone when unknown). */
export function todayFor(actor: { timeZone?: string | undefined }, now: Date = new Date()): string {
  return dateIn(now, actor.timeZone ?? DEFAULT_TIME_ZONE);
}

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };
