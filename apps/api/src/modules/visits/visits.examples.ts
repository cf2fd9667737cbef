import type { TeamFormExample, TeamFormField } from '@groeipad/contracts';

// Starting forms a team can begin from and then make its own. Written for Groeipad; a team is expected to change
// them to fit its own goals and learning questions.

const heading = (id: string, label: string): TeamFormField => ({ id, kind: 'heading', label });
const scale = (id: string, label: string, help?: string): TeamFormField => ({
  id,
  kind: 'scale',
  label,
  ...(help ? { help } : {}),
});
const open = (id: string, label: string, help?: string): TeamFormField => ({
  id,
  kind: 'text',
  label,
  ...(help ? { help } : {}),
});
const check = (id: string, label: string): TeamFormField => ({ id, kind: 'check', label });
const choice = (id: string, label: string, options: string[]): TeamFormField => ({
  id,
  kind: 'choice',
  label,
  options,
});

export const TEAM_FORM_EXAMPLES: readonly TeamFormExample[] = [
  {
    key: 'lesson-visit',
    purpose: 'visit',
    title: 'Kijkwijzer lesbezoek',
    description:
      'Voor een bezoek van 20 tot 45 minuten in de les van een collega. Kijk vooral naar wat de leerlingen doen, en schrijf op wat je ziet en hoort, niet wat je ervan vindt.',
    fields: [
      heading('start', 'Begin van de les'),
      scale(
        'goal-clear',
        'Leerlingen weten wat ze deze les gaan leren',
        'Staat het doel op het bord, wordt het genoemd?',
      ),
      check('quick-start', 'De les begint vlot, iedereen is binnen een paar minuten aan het werk'),
      heading('during', 'Tijdens de les'),
      scale('active', 'De meeste leerlingen zijn actief met de stof bezig'),
      scale('check-understanding', 'De docent gaat na of de leerlingen het begrijpen'),
      choice('grouping', 'Hoe werken de leerlingen vooral?', ['Alleen', 'In tweetallen', 'In groepjes', 'Klassikaal']),
      heading('question', 'De leervraag'),
      open('learning-question', 'Wat zag je dat past bij de leervraag van je collega?', 'Noem concrete momenten.'),
      open('notable', 'Wat viel je verder op?'),
    ],
  },
  {
    key: 'work-observation',
    purpose: 'visit',
    title: 'Werkobservatie ondersteunend personeel',
    description:
      'Voor een bezoek bij een collega van de administratie, conciërgerie, ICT of een andere ondersteunende rol. Kijk mee bij een werkproces van begin tot eind.',
    fields: [
      heading('process', 'Het werkproces'),
      open(
        'what',
        'Welk werk heb je gezien?',
        'Bijvoorbeeld het verwerken van ziekmeldingen of de uitgifte van laptops.',
      ),
      scale('order', 'De stappen gaan in een vaste, logische volgorde'),
      check('procedure', 'Er is een beschreven werkwijze of checklist, en die wordt gebruikt'),
      scale('interruptions', 'Het werk kan zonder veel onderbrekingen doorgaan'),
      heading('contact', 'Contact met anderen'),
      scale('service', 'Vragen van collega’s of leerlingen worden vriendelijk en snel opgepakt'),
      open('learning-question', 'Wat zag je dat past bij de leervraag van je collega?'),
      open('idea', 'Welk idee neem je zelf mee?'),
    ],
  },
  {
    key: 'meeting-observation',
    purpose: 'visit',
    title: 'Observatie van een overleg',
    description: 'Voor het bijwonen van een overleg of bordsessie dat je collega leidt.',
    fields: [
      heading('structure', 'Opbouw'),
      check('agenda', 'Er is een agenda en iedereen kent die'),
      scale('time', 'Het overleg houdt zich aan de tijd'),
      heading('participation', 'Deelname'),
      scale('everyone', 'Iedereen komt aan het woord'),
      choice('decisions', 'Hoe worden besluiten genomen?', ['Niet', 'Door de voorzitter', 'Samen', 'Weet ik niet']),
      check('actions', 'Afspraken worden vastgelegd met wie, wat en wanneer'),
      open('learning-question', 'Wat zag je dat past bij de leervraag van je collega?'),
    ],
  },
  {
    key: 'lesson-preparation',
    purpose: 'preparation',
    title: 'Gezamenlijke lesvoorbereiding',
    description: 'Voor twee of drie collega’s die samen een les ontwerpen die ze allemaal gaan geven.',
    fields: [
      open('goal', 'Wat moeten leerlingen na deze les kunnen?'),
      open('start', 'Hoe begint de les, en hoe weten leerlingen wat het doel is?'),
      open('activities', 'Welke opdrachten doen de leerlingen, en hoe lang?'),
      open('check', 'Hoe gaan we na of het doel is bereikt?'),
      choice('board-goal', 'Past deze les bij een doel op het teambord?', ['Ja', 'Deels', 'Nee']),
      open('after', 'Wanneer bespreken we hoe het ging?'),
    ],
  },
  {
    key: 'work-preparation',
    purpose: 'preparation',
    title: 'Gezamenlijke werkvoorbereiding',
    description:
      'Voor collega’s die samen een werkproces beschrijven of verbeteren, met een vaste werkwijze als resultaat.',
    fields: [
      open('process', 'Welk werkproces pakken we aan?'),
      open('problem', 'Wat gaat er nu mis of kost te veel tijd?'),
      open('steps', 'Welke stappen spreken we af?', 'Schrijf ze zo op dat een nieuwe collega ze kan volgen.'),
      check('checklist', 'We maken er een checklist van voor de teambibliotheek'),
      open('try', 'Wie probeert het uit, en wanneer kijken we terug?'),
    ],
  },
];

export function findExample(key: string): TeamFormExample | undefined {
  return TEAM_FORM_EXAMPLES.find((e) => e.key === key);
}
