import type { Config } from '../../platform/config.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';

type Target = { boardId: string; email: string; firstName: string };

export function resetMail(config: Config, person: Target, token: string): MailMessage {
  const link = `${config.publicUrl}/wachtwoord-instellen?token=${encodeURIComponent(token)}`;
  return {
    boardId: person.boardId,
    to: person.email,
    subject: 'Nieuw wachtwoord voor Groeipad',
    text: [
      `Hoi ${person.firstName},`,
      '',
      'Je hebt gevraagd om een nieuw wachtwoord voor Groeipad. Via deze link kies je er een:',
      link,
      '',
      'De link werkt één keer en is twee uur geldig. Heb je dit niet zelf gevraagd? Dan kun je dit bericht negeren.',
    ].join('\n'),
  };
}

export function inviteLink(config: Config, token: string): string {
  return `${config.publicUrl}/wachtwoord-instellen?token=${encodeURIComponent(token)}`;
}

export function inviteMail(config: Config, person: Target, token: string): MailMessage {
  const link = inviteLink(config, token);
  return {
    boardId: person.boardId,
    to: person.email,
    subject: 'Welkom bij Groeipad',
    text: [
      `Hoi ${person.firstName},`,
      '',
      'Je school gebruikt Groeipad voor gesprekken, ontwikkeling en teamwerk. Via deze link kies je je wachtwoord:',
      link,
      '',
      'De link werkt één keer en is twee weken geldig.',
    ].join('\n'),
  };
}
