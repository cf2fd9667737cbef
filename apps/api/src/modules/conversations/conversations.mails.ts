import { createEvent } from 'ics';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { formatSchoolMoment } from '../../platform/time.ts';

/** "donderdag 12 maart 2026 om 14:30" in Dutch, in Amsterdam time. */
export const formatMoment = (at: Date): string => formatSchoolMoment(at);

export function formatDay(day: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export type CalendarInput = {
  conversationId: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  title: string;
  description: string;
  location: string;
  start: Date;
  durationMinutes: number;
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

/** An iCalendar invitation. Times go out in UTC, so every calendar shows the right Amsterdam time. */
export function calendarFile(input: CalendarInput): string {
  const { error, value } = createEvent({
    uid: `conversation-${input.conversationId}@groeipad`,
    sequence: input.sequence,
    method: input.method,
    productId: 'groeipad/gesprekken',
    start: input.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: input.durationMinutes },
    title: input.title,
    description: input.description,
    location: input.location || undefined,
    url: input.url,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: input.organizer,
    attendees: [{ ...input.attendee, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
  });
  if (error || !value) throw error ?? new Error('calendar file not created');
  return value;
}

export function conversationUrl(config: Config, id: string): string {
  return `${config.publicUrl}/gesprekken/${id}`;
}

type Party = { name: string; email: string };

export type InvitationMail = {
  boardId: string;
  conversationId: string;
  kindName: string;
  to: Party;
  from: Party;
  start: Date;
  durationMinutes: number;
  location: string;
  preparationDueOn: string | null;
  sequence: number;
  /** Set when it moved; the text then says why. */
  rescheduleReason?: string | undefined;
  cancelReason?: string | undefined;
};

/** The invitation, the new time, or the cancellation, with its calendar file. */
export async function sendInvitation(db: Db, mailer: Mailer, config: Config, m: InvitationMail): Promise<void> {
  const url = conversationUrl(config, m.conversationId);
  const when = formatMoment(m.start);
  const cancel = m.cancelReason !== undefined;
  const subject = cancel
    ? `Gesprek gaat niet door: ${m.kindName.toLowerCase()} op ${when}`
    : m.rescheduleReason !== undefined
      ? `Nieuwe tijd voor je ${m.kindName.toLowerCase()}: ${when}`
      : `Uitnodiging: ${m.kindName.toLowerCase()} op ${when}`;
  const lines = [`Hoi ${m.to.name},`, ''];
  if (cancel) {
    lines.push(
      `${m.from.name} heeft het ${m.kindName.toLowerCase()} van ${when} afgezegd.`,
      `Reden: ${m.cancelReason}`,
    );
  } else if (m.rescheduleReason !== undefined) {
    lines.push(
      `${m.from.name} heeft je ${m.kindName.toLowerCase()} verplaatst naar ${when}.`,
      `Reden: ${m.rescheduleReason}`,
    );
  } else {
    lines.push(`${m.from.name} nodigt je uit voor een ${m.kindName.toLowerCase()} op ${when}.`);
  }
  if (!cancel) {
    lines.push(`Duur: ${m.durationMinutes} minuten${m.location ? `, plaats: ${m.location}` : ''}.`);
    if (m.preparationDueOn) lines.push(`Bereid het gesprek voor vóór ${formatDay(m.preparationDueOn)}.`);
    lines.push('', `Bekijk het gesprek en je voorbereiding: ${url}`);
  }
  lines.push('', 'Groet,', 'Groeipad');
  const content = calendarFile({
    conversationId: m.conversationId,
    sequence: m.sequence,
    method: cancel ? 'CANCEL' : 'REQUEST',
    title: `${m.kindName} met ${m.from.name}`,
    description: `Gesprek in Groeipad: ${url}`,
    location: m.location,
    start: m.start,
    durationMinutes: m.durationMinutes,
    url,
    organizer: m.from,
    attendee: m.to,
  });
  await mailer.send(db, {
    boardId: m.boardId,
    to: m.to.email,
    subject,
    text: lines.join('\n'),
    attachments: [
      {
        filename: 'gesprek.ics',
        contentType: `text/calendar; method=${cancel ? 'CANCEL' : 'REQUEST'}; charset=utf-8`,
        content,
      },
    ],
  });
}

export async function sendPreparationReminder(
  db: Db,
  mailer: Mailer,
  config: Config,
  m: {
    boardId: string;
    conversationId: string;
    to: Party;
    managerName: string;
    kindName: string;
    dueOn: string;
    start: Date;
  },
): Promise<void> {
  await mailer.send(db, {
    boardId: m.boardId,
    to: m.to.email,
    subject: `Bereid je ${m.kindName.toLowerCase()} voor (vóór ${formatDay(m.dueOn)})`,
    text: [
      `Hoi ${m.to.name},`,
      '',
      `Op ${formatMoment(m.start)} heb je een ${m.kindName.toLowerCase()} met ${m.managerName}.`,
      `Vul je voorbereiding in en deel die vóór ${formatDay(m.dueOn)}, dan kan ${m.managerName} zich goed voorbereiden.`,
      '',
      conversationUrl(config, m.conversationId),
      '',
      'Groet,',
      'Groeipad',
    ].join('\n'),
  });
}

export async function sendSignReminder(
  db: Db,
  mailer: Mailer,
  config: Config,
  m: { boardId: string; conversationId: string; to: Party; otherName: string; kindName: string },
): Promise<void> {
  await mailer.send(db, {
    boardId: m.boardId,
    to: m.to.email,
    subject: `Het verslag van je ${m.kindName.toLowerCase()} wacht op je handtekening`,
    text: [
      `Hoi ${m.to.name},`,
      '',
      `${m.otherName} heeft het verslag van jullie ${m.kindName.toLowerCase()} al ondertekend.`,
      'Lees het na en onderteken het ook. Ben je het ergens niet mee eens? Schrijf dat erbij; ondertekenen betekent dan "gezien".',
      '',
      conversationUrl(config, m.conversationId),
      '',
      'Groet,',
      'Groeipad',
    ].join('\n'),
  });
}
