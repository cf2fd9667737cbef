// The visits' mails: to a leidinggevende when someone shares a visit with them, and to the other of the two when a
// planned visit moves. Short, in plain Dutch, with a link to the visit; never the visit's content (the learning
// question, the answers, the talk, the reason for moving): a mail stays in the outbox the beheerder reads.
import type { VisitKind } from '@groeipad/contracts';
import { formatSchoolMoment } from '../../platform/time.ts';

const KIND_NAMES: Record<VisitKind, string> = {
  lesson: 'lesbezoek',
  work: 'werkbezoek',
  meeting: 'bezoek aan een overleg',
};

/** The Dutch name of a kind of visit in running text: "lesbezoek". */
export function kindName(kind: string): string {
  return KIND_NAMES[kind as VisitKind] ?? 'bezoek';
}

/** "donderdag 12 maart om 14:30", in Dutch school time: a visit is near, so without the year. */
const formatMoment = (at: Date): string => formatSchoolMoment(at, { year: false });

export function visitUrl(publicUrl: string, teamId: string, visitId: string): string {
  return `${publicUrl}/team/${teamId}/bezoeken/${visitId}`;
}

/** To each current leidinggevende of the observed person, when that person shares a visit with them. */
export function sharedMail(p: {
  managerFirstName: string;
  observedName: string;
  observerName: string;
  kind: string;
  scheduledAt: Date;
  link: string;
}) {
  const kind = kindName(p.kind);
  return {
    subject: `${p.observedName} deelt een ${kind} met je`,
    text: [
      `Hoi ${p.managerFirstName},`,
      '',
      `${p.observedName} deelt het ${kind} van ${formatMoment(p.scheduledAt)} met je; ${p.observerName} kwam kijken.`,
      'Je leest de leervraag, de ingevulde kijkwijzer en het nagesprek mee. Je past niets aan, en dat je het leest, wordt vastgelegd.',
      '',
      `Lees het bezoek: ${p.link}`,
      '',
      'Groet,',
      'Groeipad',
    ].join('\n'),
  };
}

/**
 * To the other of the two, when one of them moves a planned visit: the new moment and place, and whether a reason
 * was given, never the reason itself: a mail stays in the outbox the beheerder reads when no SMTP server is set,
 * and the reason is for the two of them only. It is on the visit page.
 */
export function rescheduledMail(p: {
  toFirstName: string;
  byName: string;
  kind: string;
  scheduledAt: Date;
  durationMinutes: number;
  location: string;
  hasReason: boolean;
  link: string;
}) {
  const kind = kindName(p.kind);
  const when = formatMoment(p.scheduledAt);
  return {
    subject: `Jullie ${kind} is verzet: ${when}`,
    text: [
      `Hoi ${p.toFirstName},`,
      '',
      `${p.byName} heeft jullie ${kind} verzet.`,
      `Nieuw moment: ${when}, ${p.durationMinutes} minuten${p.location ? `, plaats: ${p.location}` : ''}.`,
      ...(p.hasReason ? [`${p.byName} schreef erbij waarom; je leest het op de pagina van het bezoek.`] : []),
      '',
      `Bekijk het bezoek: ${p.link}`,
      '',
      'Groet,',
      'Groeipad',
    ].join('\n'),
  };
}
