import type { RaterGroup } from '@groeipad/contracts';
import { SCHOOL_TIME_ZONE } from '../../platform/time.ts';

const GROUP_NAMES: Record<RaterGroup, string> = {
  self: 'jezelf',
  leidinggevende: 'leidinggevende',
  collega: 'collega',
  student: 'student',
  leerling: 'leerling',
  schoolopleider: 'schoolopleider',
  ouder: 'ouder',
  extern: 'externe',
};

const GROUP_PLURALS: Record<string, string> = {
  collega: 'collega’s',
  student: 'studenten',
  leerling: 'leerlingen',
  schoolopleider: 'schoolopleiders',
  ouder: 'ouders',
  extern: 'externen',
};

/** The Dutch name of a rater group in running text. */
export function groupName(group: string): string {
  return GROUP_NAMES[group as RaterGroup] ?? group;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The invitation to give feedback: warm, short, and clear about anonymity and the one-time link. */
export function invitationMail(p: {
  inviteeName: string;
  subjectName: string;
  schoolName: string;
  raterGroup: string;
  message: string;
  closesOn: string;
  link: string;
  minGroupSize: number;
}) {
  const closes = new Date(`${p.closesOn}T12:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: SCHOOL_TIME_ZONE,
  });
  const named = p.raterGroup === 'leidinggevende' || p.raterGroup === 'self';
  const anonymity = named
    ? `Je geeft feedback als ${groupName(p.raterGroup)}; ${p.subjectName} ziet jouw antwoorden als die van jou.`
    : `Je antwoorden zijn anoniem: ${p.subjectName} ziet alleen wat de groep ${GROUP_PLURALS[p.raterGroup] ?? groupName(p.raterGroup)} samen antwoordde, en pas als minstens ${p.minGroupSize} mensen uit die groep hebben gereageerd. Niemand kan zien wat jij hebt ingevuld.`;
  const lines = [
    `Hoi ${p.inviteeName},`,
    '',
    `${p.subjectName} (${p.schoolName}) vraagt je om feedback. Het invullen kost ongeveer tien minuten.`,
    ...(p.message ? ['', `"${p.message}"`] : []),
    '',
    anonymity,
    '',
    `Vul de vragenlijst in via deze link (die werkt één keer, tot en met ${closes}):`,
    p.link,
    '',
    'Dank je wel voor je tijd!',
    '',
    'Groeipad',
  ];
  const html = lines
    .map((l) => (l === p.link ? `<a href="${escape(p.link)}">Feedback geven</a>` : escape(l)))
    .join('<br>');
  return { subject: `${p.subjectName} vraagt je om feedback`, text: lines.join('\n'), html: `<p>${html}</p>` };
}
