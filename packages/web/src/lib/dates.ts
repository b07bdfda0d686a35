// Business dates (YYYY-MM-DD) between antd's dayjs pickers and the API.
import dayjs, { type Dayjs } from 'dayjs';

/** Today as YYYY-MM-DD in the viewer's calendar. */
export function todayYmd(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function toYmd(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format('YYYY-MM-DD') : undefined;
}

export function fromYmd(s: string | null | undefined): Dayjs | null {
  return s ? dayjs(s) : null;
}
