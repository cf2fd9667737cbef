import type { ConversationKindKey, FormPurpose, Role } from '@groeipad/contracts';

// The standard cycle a school can start from in one click: pure data, written in our own words.

export type KindTemplate = { key: Exclude<ConversationKindKey, 'eigen'>; name: string; description: string };

export const KIND_TEMPLATES: readonly KindTemplate[] = [
  {
    key: 'planning',
    name: 'Planningsgesprek',
    description: 'Aan het begin van het jaar: wat wil je bereiken, wat ga je doen en wat heb je daarvoor nodig?',
  },
  {
    key: 'voortgang',
    name: 'Voortgangsgesprek',
    description: 'Halverwege het jaar: hoe gaat het met je doelen en afspraken, en wat stellen we bij?',
  },
  {
    key: 'functionering',
    name: 'Functioneringsgesprek',
    description: 'Een open gesprek over je werk, je rol en de samenwerking, in twee richtingen.',
  },
  {
    key: 'beoordeling',
    name: 'Beoordelingsgesprek',
    description: 'Eens in de paar jaar: een onderbouwd oordeel over je functioneren, met gevolgen die je vooraf kent.',
  },
  {
    key: 'loopbaan',
    name: 'Loopbaangesprek',
    description: 'Over je toekomst: welke kant wil je op, binnen of buiten de school, en wat helpt je daarbij?',
  },
  {
    key: 'waardering',
    name: 'Waarderingsgesprek',
    description: 'Terugkijken op wat goed ging en waar je trots op bent, in plaats van een eenzijdig oordeel.',
  },
];

/** Rules of the standard cycle: every staff member, planning and voortgang yearly, beoordeling every third year. */
export const RULE_TEMPLATES: readonly { kind: KindTemplate['key']; everyYears: number; periodPosition: number }[] = [
  { kind: 'planning', everyYears: 1, periodPosition: 1 },
  { kind: 'voortgang', everyYears: 1, periodPosition: 2 },
  { kind: 'beoordeling', everyYears: 3, periodPosition: 3 },
];

/** Kinds the standard cycle offers but switches off until a school chooses them. */
export const INACTIVE_KINDS: readonly KindTemplate['key'][] = ['loopbaan', 'waardering'];

export type FormTemplate = {
  key: string;
  purpose: FormPurpose;
  name: string;
  role: Role | null;
  items: { id: string; text: string; help?: string }[];
};

export const FORM_TEMPLATES: readonly FormTemplate[] = [
  {
    key: 'reflectie-algemeen',
    purpose: 'reflection',
    name: 'Zelfreflectie',
    role: null,
    items: [
      {
        id: 'goed',
        text: 'Wat ging de afgelopen periode goed in je werk?',
        help: 'Noem een of twee concrete momenten.',
      },
      { id: 'lastig', text: 'Waar liep je tegenaan?' },
      { id: 'feedback', text: 'Welke feedback kreeg je, en wat neem je daarvan mee?' },
      { id: 'doelen', text: 'Hoe staat het met de doelen en afspraken van vorige keer?' },
      { id: 'ontwikkelen', text: 'Waarin wil je je het komende jaar verder ontwikkelen?' },
      {
        id: 'nodig',
        text: 'Wat heb je nodig van je leidinggevende of de school?',
        help: 'Bijvoorbeeld scholing, tijd of hulp van een collega.',
      },
      { id: 'bespreken', text: 'Wat wil je verder nog bespreken?' },
    ],
  },
  {
    key: 'vragen-algemeen',
    purpose: 'questions',
    name: 'Gespreksvragen algemeen',
    role: null,
    items: [
      { id: 'energie', text: 'Waar krijg je op dit moment energie van in je werk?' },
      { id: 'trots', text: 'Op welk resultaat van dit jaar ben je het meest trots?' },
      { id: 'leerlingen', text: "Wat merken je leerlingen of collega's van wat je anders bent gaan doen?" },
      { id: 'belemmering', text: 'Wat houdt je tegen om te doen wat je zou willen?' },
      { id: 'steun', text: 'Wat kan ik als leidinggevende doen om je verder te helpen?' },
    ],
  },
  {
    key: 'vragen-werkplekbegeleider',
    purpose: 'questions',
    name: 'Gespreksvragen werkplekbegeleider',
    role: 'werkplekbegeleider',
    items: [
      {
        id: 'ruimte',
        text: 'Hoe geef je je stagiairs de ruimte om te kijken, uit te proberen en nieuwe dingen te doen?',
      },
      {
        id: 'trots',
        text: 'Waar ben je trots op in je begeleiding van deze periode, en wat helpt je om dat vast te houden?',
      },
      {
        id: 'waardering',
        text: "Wat waarderen stagiairs en collega's aan jouw begeleiding? Herken je dat?",
      },
      {
        id: 'lastig',
        text: 'Wat vond je lastig in de begeleiding? Wat kun je doen om daar een volgende keer minder last van te hebben?',
      },
      {
        id: 'wensen',
        text: 'Wat zouden anderen graag anders zien in je begeleiding? Wil jij je daarin ook ontwikkelen?',
      },
      {
        id: 'toerusting',
        text: 'Voel je je genoeg toegerust voor de begeleiding? Wat heb je meer nodig?',
        help: 'Denk aan kennis van de visie op opleiden, wat de opleiding de student leert, hoe de samenwerking met de schoolopleider loopt, en tijd en ruimte in je taak.',
      },
      {
        id: 'volgende-keer',
        text: 'Hoe zien we in het volgende gesprek dat je je ontwikkeld hebt, en welke feedback vraag je daarvoor?',
      },
    ],
  },
  {
    key: 'vragen-oop',
    purpose: 'questions',
    name: 'Gespreksvragen onderwijsondersteuners',
    role: 'oop',
    items: [
      { id: 'taken', text: 'Welke taken doe je graag, en welke kosten je veel moeite?' },
      { id: 'samenwerking', text: 'Hoe loopt de samenwerking met docenten en je eigen team?' },
      { id: 'werkdruk', text: 'Hoe ervaar je de werkdruk, en waar zit die vooral?' },
      { id: 'verbeteren', text: 'Wat zou je in onze werkwijze willen verbeteren?' },
      { id: 'groei', text: 'Welke kennis of vaardigheid wil je erbij leren, en wat heb je daarvoor nodig?' },
    ],
  },
];

/** The three periods of a school year from 1 August to 31 July. */
export function standardYear(startYear: number) {
  const y = startYear;
  return {
    name: `${y}-${y + 1}`,
    startsOn: `${y}-08-01`,
    endsOn: `${y + 1}-07-31`,
    periods: [
      { name: 'Periode 1 (aug–nov)', startsOn: `${y}-08-01`, endsOn: `${y}-11-30` },
      { name: 'Periode 2 (dec–mrt)', startsOn: `${y}-12-01`, endsOn: `${y + 1}-03-31` },
      { name: 'Periode 3 (apr–jul)', startsOn: `${y + 1}-04-01`, endsOn: `${y + 1}-07-31` },
    ],
  };
}

/** The school year (1 August – 31 July) that holds the given day 'YYYY-MM-DD'. */
export function schoolYearStartOf(day: string): number {
  const y = Number(day.slice(0, 4));
  return day.slice(5) >= '08-01' ? y : y - 1;
}
