// Business dates are 'YYYY-MM-DD' in the tenant's time zone, never JS Dates at local midnight.
export function businessDate(at: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };
