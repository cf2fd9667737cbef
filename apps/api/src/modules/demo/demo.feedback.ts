// The demo docent's 360° feedback: a closed round with enough pupils and colleagues to show results, and a
// group of parents too small to show, so the demo shows what a withheld group looks like.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { FEEDBACK_TEMPLATES, feedbackTables as f } from '../feedback/index.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { createRandom } from './demo.seed.ts';

const PUPIL_TEXTS = {
  doc_goed: [
    'Je legt het rustig uit en herhaalt het als iemand het niet snapt.',
    'De lessen zijn gezellig maar er wordt wel gewerkt.',
    'Je ziet het als iemand ergens mee zit.',
    'Fijn dat we vaak in groepjes werken.',
    'De uitleg op het bord is duidelijk.',
    'Je maakt grapjes maar blijft streng als het moet.',
  ],
  doc_tip: [
    'Soms gaat het te snel als je de huiswerk bespreekt.',
    'Meer oefentoetsen voor de toetsweek.',
    'Minder lang uitleggen, eerder zelf laten proberen.',
    'De opdrachten zijn soms te makkelijk voor sommigen.',
    'Sneller de cijfers in magister zetten.',
  ],
};

function tokenHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

/** Questionnaires for every school, and one finished round about the given person. */
export async function seedDemoFeedback(
  db: Db,
  opts: { boardId: string; subjectEmail: string; now: Date; seed: number },
): Promise<void> {
  const rnd = createRandom(opts.seed);
  const schools = await db
    .select({ id: org.schools.id })
    .from(org.schools)
    .where(eq(org.schools.boardId, opts.boardId));
  const [subject] = await db
    .select({ id: org.people.id })
    .from(org.people)
    .where(and(eq(org.people.boardId, opts.boardId), eq(org.people.email, opts.subjectEmail)));
  if (!subject) return;
  const [membership] = await db
    .select({ schoolId: org.memberships.schoolId, teamId: org.memberships.teamId })
    .from(org.memberships)
    .where(eq(org.memberships.personId, subject.id));
  const [manager] = await db
    .select({ id: org.lineManagers.managerId })
    .from(org.lineManagers)
    .where(eq(org.lineManagers.employeeId, subject.id));
  const colleagues = membership?.teamId
    ? await db
        .select({
          id: org.people.id,
          firstName: org.people.firstName,
          lastName: org.people.lastName,
          email: org.people.email,
        })
        .from(org.memberships)
        .innerJoin(org.people, eq(org.people.id, org.memberships.personId))
        .where(and(eq(org.memberships.teamId, membership.teamId), eq(org.memberships.role, 'docent')))
    : [];

  const docentTemplate = FEEDBACK_TEMPLATES.docent;
  const instrument = { ...docentTemplate, raterGroups: [...docentTemplate.raterGroups, 'ouder'] };
  await db.transaction(async (tx) => {
    const questionnaires = await tx
      .insert(f.feedbackQuestionnaires)
      .values(
        schools.flatMap((s) =>
          Object.entries(FEEDBACK_TEMPLATES).map(([key, t]) => ({
            boardId: opts.boardId,
            schoolId: s.id,
            name: t.name,
            description: t.description,
            templateKey: key,
            scale: t.scale,
            sections: t.sections,
            raterGroups: t.raterGroups,
            status: 'published',
          })),
        ),
      )
      .returning({
        id: f.feedbackQuestionnaires.id,
        schoolId: f.feedbackQuestionnaires.schoolId,
        templateKey: f.feedbackQuestionnaires.templateKey,
      });
    if (!membership?.schoolId) return;
    const questionnaire = questionnaires.find((q) => q.schoolId === membership.schoolId && q.templateKey === 'docent');
    const closedAt = new Date(opts.now.getTime() - 40 * 86_400_000);
    const [round] = await tx
      .insert(f.feedbackRounds)
      .values({
        boardId: opts.boardId,
        schoolId: membership.schoolId,
        subjectId: subject.id,
        questionnaireId: questionnaire?.id ?? null,
        instrument,
        title: 'Feedback op mijn lessen, najaar',
        message: 'Ik wil graag weten hoe je mijn lessen ervaart. Het kost je vijf minuten.',
        status: 'closed',
        closesOn: closedAt.toISOString().slice(0, 10),
        minGroupSize: 3,
        minTextGroupSize: 5,
        closedAt,
        createdAt: new Date(closedAt.getTime() - 21 * 86_400_000),
      })
      .returning({ id: f.feedbackRounds.id });
    const roundId = round!.id;
    const expiresAt = closedAt;
    const invitations: (typeof f.feedbackInvitations.$inferInsert)[] = [];
    const responses: (typeof f.feedbackResponses.$inferInsert)[] = [];
    const scaleItems = instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'scale');
    const answer = (group: string, lean: number, texts = false) => {
      const scores: Record<string, number | 'dk'> = {};
      for (const item of scaleItems) {
        if (rnd.next() < 0.08) scores[item.id] = 'dk';
        else scores[item.id] = Math.max(1, Math.min(4, Math.round(lean + (rnd.next() - 0.5) * 2)));
      }
      const open: Record<string, string> = {};
      if (texts) {
        open.doc_goed = rnd.pick(PUPIL_TEXTS.doc_goed);
        if (rnd.next() < 0.8) open.doc_tip = rnd.pick(PUPIL_TEXTS.doc_tip);
      }
      responses.push({ boardId: opts.boardId, roundId, raterGroup: group, scores, openAnswers: open });
    };
    const invite = (group: string, name: string, email: string, personId: string | null = null) =>
      invitations.push({
        boardId: opts.boardId,
        roundId,
        raterGroup: group,
        personId,
        name,
        email,
        tokenHash: tokenHash(),
        expiresAt,
        status: 'answered',
      });

    invite('self', 'Zelf', opts.subjectEmail, subject.id);
    answer('self', 3);
    if (manager) {
      invite('leidinggevende', 'Leidinggevende', '', manager.id);
      answer('leidinggevende', 3.2);
    }
    for (let i = 1; i <= 7; i++) {
      invite('leerling', `Leerling ${i}`, `leerling${i}@leerling.demo.groeipad.nl`);
      answer('leerling', 3.1, true);
    }
    for (const c of colleagues.filter((c) => c.id !== subject.id).slice(0, 4)) {
      invite('collega', `${c.firstName} ${c.lastName}`, c.email, c.id);
      answer('collega', 3.4);
    }
    invite('ouder', 'Ouder van Sem', 'ouder1@ouder.demo.groeipad.nl');
    answer('ouder', 2.5);
    invitations.push({
      boardId: opts.boardId,
      roundId,
      raterGroup: 'ouder',
      personId: null,
      name: 'Ouder van Noor',
      email: 'ouder2@ouder.demo.groeipad.nl',
      tokenHash: tokenHash(),
      expiresAt,
      status: 'revoked',
    });
    await tx.insert(f.feedbackInvitations).values(invitations);
    // Stored in random order, as a closed round's answers always are.
    const shuffled = responses
      .map((r) => ({ r, k: rnd.next() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.r);
    await tx.insert(f.feedbackResponses).values(shuffled);
  });
}
