// Visits for the demo team: the starting forms, and about eight weeks of visits (werkbezoek / lesbezoek) between
// colleagues: done ones with the kijkwijzer filled and the talk along the feedback model, a few planned this week
// and next, one cancelled, and one the demo docent shared with their leidinggevende, who has not read it yet (so
// the teamleider's home shows the task). Deterministic for a given team and day. Texts are our own.
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { TeamFormAnswers, TeamFormField } from '@groeipad/contracts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, schoolDay, weekStartOf } from '../../platform/time.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { TEAM_FORM_EXAMPLES, visitsTables as vt } from '../visits/index.ts';
import { createRandom } from './demo.seed.ts';

const SEED = 20261126;
export type DemoVisitsOptions = { boardId: string; teamId: string; now: Date };

const QUESTIONS = [
  'Krijg ik in de eerste vijf minuten iedereen aan het werk?',
  'Controleer ik genoeg of alle leerlingen de uitleg begrepen hebben?',
  'Hoe verdeel ik mijn aandacht tussen de snelle en de langzame groep?',
  'Geef ik duidelijke opdrachten bij het samenwerken?',
  'Komen de stille leerlingen ook aan het woord?',
  'Sluit ik de les af met wat we geleerd hebben?',
];

const TALKS = [
  {
    observation: 'Je stond bij de deur en gaf iedereen een hand. Binnen drie minuten lag bij iedereen het boek open.',
    effect: 'De klas was meteen rustig en de eerste opdracht begon zonder gedoe.',
    reaction: 'Dat herken ik; het lukt me vooral op maandag niet altijd. Fijn dat het zichtbaar werkt.',
    suggestions: 'Zet de startopdracht ook op het bord, dan kunnen laatkomers meteen aansluiten.',
  },
  {
    observation: 'Na de uitleg vroeg je: "Is het duidelijk?" Drie leerlingen knikten, de rest zei niets.',
    effect: 'Bij de eerste som liepen zeker zes leerlingen vast en staken hun vinger op.',
    reaction: 'Ik dacht dat het wel goed zat. Ik merk dat ik te snel doorga.',
    suggestions: 'Laat iedereen een voorbeeldsom op een wisbordje maken voordat ze zelfstandig verder gaan.',
  },
  {
    observation: 'Je liep vooral rond bij het groepje achterin; de tafel bij het raam kreeg geen bezoek.',
    effect: 'Aan de tafel bij het raam werd na tien minuten over iets anders gepraat.',
    reaction: 'Klopt, die groep redt zich meestal. Ik zag niet dat ze afhaakten.',
    suggestions: 'Maak een vaste ronde langs alle tafels, ook bij wie het goed lijkt te gaan.',
  },
  {
    observation: 'De opdracht stond op papier, met per rol wat je moest doen en hoe lang.',
    effect: 'De groepjes verdeelden snel het werk en iedereen had iets te doen.',
    reaction: 'Die rolkaartjes heb ik van een collega; goed om te horen dat ze helpen.',
    suggestions: 'Gebruik de kaartjes ook bij het nabespreken: laat de notulist per groep vertellen.',
  },
];

const LOCATIONS = ['Lokaal 1.12', 'Lokaal 2.04', 'Lokaal 0.08', 'Mediatheek', 'Lokaal 1.03'];

/** Answers for a form's fields, as an observer would fill them: mostly 3 or 4, a few notes. */
function answersFor(fields: readonly TeamFormField[], rnd: ReturnType<typeof createRandom>): TeamFormAnswers {
  const answers: TeamFormAnswers = {};
  for (const f of fields) {
    if (f.kind === 'scale') answers[f.id] = rnd.next() < 0.15 ? null : 2 + Math.floor(rnd.next() * 3);
    else if (f.kind === 'check') answers[f.id] = rnd.next() < 0.75;
    else if (f.kind === 'choice') answers[f.id] = rnd.pick(f.options ?? ['']);
    else if (f.kind === 'text')
      answers[f.id] = rnd.pick([
        'De leerlingen wisten wat de bedoeling was en gingen snel aan de slag.',
        'Het groepje bij het raam haakte halverwege af.',
        'Mooi moment: een leerling legde de som uit aan de buurvrouw.',
        'De instructie was kort; de meeste vragen kwamen daarna pas.',
      ]);
  }
  return answers;
}

/** Gives the team the starting forms and about eight weeks of visits, unless it already has a visit form. */
export async function seedDemoVisits(db: Db, opts: DemoVisitsOptions): Promise<void> {
  const { boardId, teamId, now } = opts;
  const rnd = createRandom(SEED);
  const today = schoolDay(now);
  const thisMonday = weekStartOf(today);
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00Z`);

  const [existing] = await db
    .select({ n: count() })
    .from(vt.teamForms)
    .where(and(eq(vt.teamForms.teamId, teamId), eq(vt.teamForms.purpose, 'visit')));
  if ((existing?.n ?? 0) > 0) return;
  const members = await db
    .selectDistinct({
      id: org.people.id,
      firstName: org.people.firstName,
      lastName: org.people.lastName,
      email: org.people.email,
    })
    .from(org.memberships)
    .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
    .where(
      and(
        eq(org.memberships.boardId, boardId),
        eq(org.memberships.teamId, teamId),
        ne(org.memberships.role, 'student'),
        eq(org.people.active, true),
      ),
    )
    .orderBy(asc(org.people.firstName), asc(org.people.lastName), asc(org.people.id));
  if (members.length < 2) return;
  const who = (i: number) => members[((i % members.length) + members.length) % members.length]!.id;
  // The person whose visit is shared: the demo docent, or (on a board without named accounts) the first member with
  // a leidinggevende. Their visitor is a colleague who is not their leidinggevende.
  const managers = await db
    .select({ managerId: org.lineManagers.managerId, employeeId: org.lineManagers.employeeId })
    .from(org.lineManagers)
    .where(
      and(
        eq(org.lineManagers.boardId, boardId),
        inArray(
          org.lineManagers.employeeId,
          members.map((m) => m.id),
        ),
      ),
    );
  const managersOf = (id: string) => managers.filter((m) => m.employeeId === id).map((m) => m.managerId);
  const sharer =
    members.find((m) => m.email.startsWith('docent@') && managersOf(m.id).length > 0) ??
    members.find((m) => managersOf(m.id).length > 0);
  const sharerVisitor = sharer && members.find((m) => m.id !== sharer.id && !managersOf(sharer.id).includes(m.id));

  await db.transaction(async (tx) => {
    const created = at(addDays(thisMonday, -63), '08:00');
    const forms = await tx
      .insert(vt.teamForms)
      .values(
        TEAM_FORM_EXAMPLES.map((e) => ({
          boardId,
          teamId,
          purpose: e.purpose,
          title: e.title,
          description: e.description,
          fields: e.fields,
          createdBy: who(0),
          createdAt: created,
          updatedAt: created,
        })),
      )
      .returning({
        id: vt.teamForms.id,
        purpose: vt.teamForms.purpose,
        title: vt.teamForms.title,
        fields: vt.teamForms.fields,
      });
    const lesson = forms.find((f) => f.title === TEAM_FORM_EXAMPLES[0]!.title)!;
    const meeting = forms.find((f) => f.title === TEAM_FORM_EXAMPLES[2]!.title)!;

    type Plan = { week: number; weekday: number; time: string; status: string; form: typeof lesson };
    const plans: Plan[] = [];
    // Seven weeks back to last week: one or two visits each, done and discussed (the latest only observed).
    for (let week = -7; week <= -1; week++) {
      const perWeek = week % 2 === 0 ? 2 : 1;
      for (let k = 0; k < perWeek; k++)
        plans.push({
          week,
          weekday: (week + 7 + k * 2) % 5,
          time: k === 0 ? '09:30' : '13:15',
          status: week === -1 && k === 0 ? 'observed' : 'discussed',
          form: week === -4 && k === 1 ? meeting : lesson,
        });
    }
    plans.push({ week: -3, weekday: 3, time: '11:00', status: 'cancelled', form: lesson });
    // This week: one planned on Friday; next week: two planned.
    plans.push({ week: 0, weekday: 4, time: '10:15', status: 'planned', form: lesson });
    plans.push({ week: 1, weekday: 1, time: '09:00', status: 'planned', form: lesson });
    plans.push({ week: 1, weekday: 3, time: '14:00', status: 'planned', form: meeting });
    // The latest visit with a talk is the one shared with the leidinggevende.
    const shared = plans.findLastIndex((p) => p.status === 'discussed' && p.form === lesson);

    const rows = plans.map((p, i) => {
      const day = addDays(thisMonday, 7 * p.week + p.weekday);
      const scheduledAt = at(day, p.time);
      const isShared = i === shared && sharer !== undefined && sharerVisitor !== undefined;
      const observerId = isShared ? sharerVisitor.id : who(i * 2 + 1);
      const observedId = isShared ? sharer.id : who(i * 2 + 2) === observerId ? who(i * 2 + 3) : who(i * 2 + 2);
      const held = p.status === 'observed' || p.status === 'discussed';
      const talk = TALKS[i % TALKS.length]!;
      const after = new Date(scheduledAt.getTime() + 26 * 3_600_000);
      return {
        boardId,
        teamId,
        observerId,
        observedId,
        kind: p.form === meeting ? 'meeting' : 'lesson',
        scheduledAt,
        durationMinutes: p.form === meeting ? 45 : 10 + 5 * Math.floor(rnd.next() * 7),
        location: rnd.pick(LOCATIONS),
        learningQuestion: rnd.pick(QUESTIONS),
        formId: p.form.id,
        formTitle: p.form.title,
        formFields: p.form.fields,
        status: p.status,
        answers: held ? answersFor(p.form.fields, rnd) : {},
        observedAt: held ? new Date(scheduledAt.getTime() + 45 * 60_000) : null,
        ...(p.status === 'discussed'
          ? {
              feedbackObservation: talk.observation,
              feedbackEffect: talk.effect,
              feedbackReaction: talk.reaction,
              feedbackSuggestions: talk.suggestions,
              feedbackAt: after,
              feedbackBy: i % 2 === 0 ? observedId : observerId,
            }
          : {}),
        cancelledReason: p.status === 'cancelled' ? 'Toetsweek: de les is vervallen. We plannen opnieuw.' : null,
        sharedAt: isShared ? new Date(after.getTime() + 2 * 3_600_000) : null,
        createdBy: observerId,
        createdAt: at(addDays(day, -7), '16:00'),
        updatedAt: held ? after : at(addDays(day, -7), '16:00'),
      };
    });
    await tx.insert(vt.teamVisits).values(rows);
  });
}
