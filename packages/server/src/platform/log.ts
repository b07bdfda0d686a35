// Logging: JSON lines (pino) when the output is a file, a pipe or a log collector; on a terminal, short readable lines
// and only what a person running `npm start` wants to see — no line per request (errors and slow requests still
// show), no health checks (those routes log at warn in either mode), one start-up line (main.ts). L2C_LOG_FORMAT=json
// or =pretty overrides the guess.
import type { FastifyServerOptions } from 'fastify';

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'];
const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '\x1b[90m'], 20: ['DEBUG', '\x1b[90m'], 30: ['INFO ', '\x1b[32m'], 40: ['WARN ', '\x1b[33m'], 50: ['ERROR', '\x1b[31m'], 60: ['FATAL', '\x1b[35m'],
};
const RESET = '\x1b[0m';
/** Requests slower than this still get a line on the terminal. */
const SLOW_MS = 1000;
/** Keys of a pino line that are not worth repeating on a terminal. */
const NOISE = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'v']);

export function prettyLogs(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.L2C_LOG_FORMAT === 'json') return false;
  if (env.L2C_LOG_FORMAT === 'pretty') return true;
  return Boolean(process.stdout.isTTY);
}

/** One pino JSON line as a terminal line, or null to leave it out. */
export function prettyLine(json: string, color = true): string | null {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const level = Number(o.level ?? 30);
  const msg = String(o.msg ?? '');
  const res = o.res as { statusCode?: number } | undefined;
  if (msg === 'incoming request') return null;
  if (msg === 'request completed' && (res?.statusCode ?? 0) < 500 && Number(o.responseTime ?? 0) < SLOW_MS) return null;
  if (level < 40 && msg.startsWith('Server listening at')) return null; // main.ts says where, once
  const time = new Date(Number(o.time ?? Date.now())).toTimeString().slice(0, 8);
  const [name, tint] = LEVELS[level] ?? ['INFO ', ''];
  const extra = Object.entries(o).filter(([k]) => !NOISE.has(k)).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (msg === 'request completed') extra.unshift(`status=${res?.statusCode}`, `ms=${Math.round(Number(o.responseTime ?? 0))}`);
  const err = o.err as { stack?: string; message?: string } | undefined;
  const text = `${time} ${color ? `${tint}${name}${RESET}` : name} ${msg}${extra.length && !err ? `  ${color ? '\x1b[90m' : ''}${extra.join(' ')}${color ? RESET : ''}` : ''}`;
  return err?.stack ? `${text}\n${err.stack}` : text;
}

/** Fastify's logger options: pino JSON lines, or the terminal stream above. */
export function loggerOptions(level: string, pretty = prettyLogs()): FastifyServerOptions['logger'] {
  if (!pretty) return { level, redact: REDACT };
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return {
    level, redact: REDACT,
    stream: { write: (line: string) => { const out = prettyLine(line, color); if (out !== null) process.stdout.write(`${out}\n`); } },
  };
}
