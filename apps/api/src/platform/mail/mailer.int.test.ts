import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import {
  createBoard,
  createPerson,
  latestMailTo,
  startTestApp,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';

// A real SMTP server on loopback: the app speaks the protocol through nodemailer, nothing is mocked.
type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];
let smtp: SMTPServer;
let env: TestEnv;
let board: TestBoard;
let refuse = false;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (refuse) return callback(new Error('mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  env = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Groeipad <noreply@school.test>' });
  board = await createBoard(env.database);
});
afterAll(async () => {
  await env.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** Undoes the quoted-printable body encoding (soft line breaks and =XX bytes) so the link can be read. */
function decodeQuotedPrintable(text: string): string {
  return Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

describe('mail through SMTP', () => {
  it('sends a reset mail over SMTP and keeps it in the outbox as sent', async () => {
    const person = await createPerson(env.database, board);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: person.email },
    });
    expect(res.statusCode).toBe(202);
    const mail = received.find((m) => m.to.includes(person.email));
    expect(mail?.from).toBe('noreply@school.test');
    expect(mail?.data).toMatch(/Subject: Nieuw wachtwoord voor Groeipad/);
    expect(decodeQuotedPrintable(mail!.data)).toMatch(/wachtwoord-instellen\?token=[A-Za-z0-9_-]{40,}/);
    expect((await latestMailTo(env.database, person.email))?.status).toBe('sent');
  });

  it('keeps a message the server refuses as failed, and the request still succeeds', async () => {
    const person = await createPerson(env.database, board);
    refuse = true;
    try {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: person.email },
      });
      expect(res.statusCode).toBe(202);
    } finally {
      refuse = false;
    }
    const row = await latestMailTo(env.database, person.email);
    expect(row?.status).toBe('failed');
    expect(row?.error).toMatch(/mailbox unavailable/);
  });
});
