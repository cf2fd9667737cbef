// The barometer's mails: an invitation when a round opens and one reminder shortly before it closes, only to
// those who did not answer yet. Both say plainly what is anonymous and what is not.
import { SCHOOL_TIME_ZONE } from '../../platform/time.ts';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function longDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: SCHOOL_TIME_ZONE,
  });
}

type MailInput = { firstName: string; teamName: string; closesOn: string; link: string; minGroupSize: number };

function render(subject: string, lines: string[], link: string) {
  const html = lines
    .map((l) => (l === link ? `<a href="${escape(link)}">Vul de barometer in</a>` : escape(l)))
    .join('<br>');
  return { subject, text: lines.join('\n'), html: `<p>${html}</p>` };
}

const anonymity = (min: number) =>
  `Je antwoorden worden zonder je naam bewaard. Het team ziet alleen wat iedereen samen antwoordde, pas als de ronde dicht is en alleen als minstens ${min} collega’s hebben ingevuld. Niemand kan zien wat jij hebt ingevuld; alleen dát je hebt ingevuld wordt bijgehouden, zodat je geen herinnering krijgt.`;

export function invitationMail(p: MailInput) {
  return render(
    `Barometer van team ${p.teamName}: hoe gaat het?`,
    [
      `Hoi ${p.firstName},`,
      '',
      `Team ${p.teamName} staat even stil bij hoe het gaat. Het invullen van de barometer kost ongeveer drie minuten; je kunt tot en met ${longDate(p.closesOn)} meedoen.`,
      '',
      anonymity(p.minGroupSize),
      '',
      p.link,
      '',
      'De uitkomst bespreken jullie samen bij het bord. Dank je wel!',
      '',
      'Groeipad',
    ],
    p.link,
  );
}

export function reminderMail(p: MailInput) {
  return render(
    `Nog even: de barometer van team ${p.teamName}`,
    [
      `Hoi ${p.firstName},`,
      '',
      `De barometer van team ${p.teamName} sluit ${longDate(p.closesOn)}. Hoe meer collega’s invullen, hoe beter de uitkomst laat zien hoe het team het echt ervaart.`,
      '',
      anonymity(p.minGroupSize),
      '',
      p.link,
      '',
      'Groeipad',
    ],
    p.link,
  );
}
