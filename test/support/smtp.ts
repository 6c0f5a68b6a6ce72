/**
 * An SMTP server in the test process that records each message it accepted (and can refuse or
 * hold messages), for the notification tests and the fault suite.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sleep, waitFor } from './wait';

export interface ReceivedMail {
  emailId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Map<string, unknown>;
}

type Answer = { code: number; message: string } | null;

/**
 * An SMTP server that records each message it accepted. A message counts as delivered only when
 * the server answered 250 on a live connection (RFC 5321 §6.1: accepting is taking responsibility);
 * a message whose client went away first is discarded, as a real MTA does.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  rejected = 0;
  /** Messages whose client went away before the reply (not delivered). */
  discarded = 0;
  /** null accepts; otherwise the SMTP error to answer the DATA with. */
  answer: (m: { to: string; emailId: string }) => Answer = () => null;
  /** While set, accepted messages wait here before the server answers. */
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;
  holding = 0;
  delayMs = 0;
  private readonly closed = new Set<string>();
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    sink.server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onClose: (session) => {
        sink.closed.add(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          sink.handle(Buffer.concat(chunks), session.id, session.envelope.rcptTo.map((r) => r.address).join(','))
            .then(() => callback(null), (e: Error) => callback(e));
        });
      },
    });
    sink.server.on('error', () => undefined);
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.port = (sink.server.server.address() as { port: number }).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private async handle(raw: Buffer, sessionId: string, to: string): Promise<void> {
    const parsed = await simpleParser(raw);
    const emailId = String(parsed.headers.get('x-alliance-email-id') ?? '');
    const refusal = this.answer({ to, emailId });
    if (refusal) {
      this.rejected += 1;
      throw Object.assign(new Error(refusal.message), { responseCode: refusal.code });
    }
    if (this.gate) {
      this.holding += 1;
      await this.gate;
      this.holding -= 1;
    }
    if (this.delayMs) await sleep(this.delayMs);
    if (this.closed.has(sessionId)) {
      this.discarded += 1;
      throw new Error('client went away before the reply');
    }
    this.received.push({
      emailId, to, subject: parsed.subject ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', text: parsed.text ?? '',
      messageId: parsed.messageId ?? '', headers: parsed.headers as Map<string, unknown>,
    });
  }

  /** From now on, messages wait before they are answered. */
  holdReplies(): void {
    this.gate = new Promise((r) => (this.open = r));
  }

  releaseReplies(): void {
    this.open?.();
    this.gate = null;
    this.open = null;
  }

  /** How many times each email row was delivered. */
  countsByEmailId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.received) counts.set(m.emailId, (counts.get(m.emailId) ?? 0) + 1);
    return counts;
  }

  waitForCount(n: number, timeoutMs = 20_000): Promise<true> {
    return waitFor(() => this.received.length >= n, `${n} mails (have ${this.received.length})`, timeoutMs).then(() => true as const);
  }

  async close(): Promise<void> {
    this.releaseReplies();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
