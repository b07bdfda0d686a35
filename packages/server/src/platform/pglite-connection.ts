// node-postgres on the embedded database: the connection object a pg.Client talks to, in place of a socket.
//
// PGlite's own adapter (@electric-sql/pglite/node-postgres) hands each protocol message to the database as it comes:
// a statement with parameters is parse, bind, describe, execute and sync — five calls into PGlite, each with its own
// pass through PGlite's locks, its backend loop and its result parser. This one keeps the messages until the client
// asks for an answer (sync, flush, a simple query, copy data) and hands them over in one call, as a socket would carry
// them in one write: the backend reads them in the same order and answers the same messages. With the parsing below, a
// trivial statement went 326 → 162 µs unnamed, 219 → 83 µs named (issue 13.6, docs/benchmarks.md); the demo load
// sends 19,000 of them.
//
// The answers are read as node-postgres reads a socket's bytes, by its own parser (pg-protocol), from PGlite's raw
// output: PGlite's parser copied every field's bytes into an ArrayBuffer of its own before decoding it (a fifth of the
// JavaScript time of the demo load), and node-postgres reads only what the messages say. No LISTEN here: nothing
// PGlite's parser would have acted on is lost.
import { EventEmitter } from 'node:events';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

type Message = { name: string };

export class PgliteConnection extends EventEmitter {
  // what pg.Client reads or calls on a connection besides its message methods
  _connecting = false;
  stream = { destroy: () => this.end(), cork: () => undefined, uncork: () => undefined };
  parsedStatements: Record<string, unknown> = {};
  submittedNamedStatements: Record<string, unknown> = {};

  private pending: Uint8Array[] = [];
  private readonly parser = new Parser();
  /** Each hand-over waits for the one before: the backend answers in order, and so must the events. */
  private queue: Promise<void>;

  constructor(private readonly pglite: PGlite) {
    super();
    this.queue = pglite.waitReady;
  }

  async connect(): Promise<void> {
    this._connecting = true;
    await this.pglite.waitReady;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  // no authentication, TLS or cancel on an in-process database
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}

  parse(q: Parameters<typeof serialize.parse>[0]): void { this.pending.push(serialize.parse(q)); }
  bind(c: Parameters<typeof serialize.bind>[0]): void { this.pending.push(serialize.bind(c)); }
  describe(c: Parameters<typeof serialize.describe>[0]): void { this.pending.push(serialize.describe(c)); }
  execute(c: Parameters<typeof serialize.execute>[0]): void { this.pending.push(serialize.execute(c)); }
  close(c: Parameters<typeof serialize.close>[0]): void { this.pending.push(serialize.close(c)); }

  // the messages after which the client waits for an answer: hand over everything kept so far
  sync(): void { this.send(serialize.sync()); }
  flush(): void { this.send(serialize.flush()); }
  query(text: string): void { this.send(serialize.query(text)); }
  sendCopyFromChunk(chunk: Buffer): void { this.send(serialize.copyData(chunk)); }
  endCopyFrom(): void { this.send(serialize.copyDone()); }
  sendCopyFail(message: string): void { this.send(serialize.copyFail(message)); }
  sendSASLInitialResponseMessage(): void {}
  sendSCRAMClientFinalMessage(): void {}

  /** The client's listeners go at once (the pool may hand this connection to a new client); `end` reaches whoever waits for it after. */
  end(): void {
    this.queue = this.queue.then(() => { this.emit('end'); });
    for (const event of this.eventNames()) if (event !== 'newListener') this.removeAllListeners(event);
  }

  private send(last: Uint8Array): void {
    const messages = this.pending.length === 0 ? last : Buffer.concat([...this.pending, last]);
    this.pending = [];
    const answers: Message[] = [];
    this.queue = this.queue
      // syncToFs: on a folder (NODEFS) or in memory PGlite writes through as it goes; its sync is a no-op behind a lock.
      // A chunk is a view of PGlite's memory, reused for the next: copied before the parser may keep part of it.
      .then(() => this.pglite.execProtocolRawStream(messages, {
        syncToFs: false,
        onRawData: (chunk: Uint8Array) => this.parser.parse(Buffer.from(chunk), (m: Message) => { answers.push(m); }),
      }))
      .then(() => {
        // the events after PGlite's call returns: a listener that sends the next statement never re-enters PGlite
        for (const m of answers) {
          this.emit('message', m);
          this.emit(m.name === 'error' ? 'errorMessage' : m.name, m);
        }
      })
      .catch((err: unknown) => { this.emit('error', err); });
  }
}

/**
 * The pg.Pool settings for an embedded database: one client (PGlite runs one transaction at a time) on this connection,
 * kept while idle (there is nothing to give back; a new client would only connect again).
 */
export function pglitePoolConfig(pglite: PGlite): pg.PoolConfig {
  return { max: 1, idleTimeoutMillis: 0, user: 'postgres', database: 'postgres', password: 'pglite', host: 'localhost', port: 5432,
    connection: new PgliteConnection(pglite) } as pg.PoolConfig;
}
