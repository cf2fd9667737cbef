import type { BarometerQuestion } from './barometer.schema.ts';

// The standard barometer: short statements about how the team works together, written for Groeipad. The team
// may add its own questions; a round keeps the set it opened with. The web app shows standard questions in the
// reader's language by their id; the Dutch text here is what is stored with a round and mailed.

export const STANDARD_QUESTIONS: readonly BarometerQuestion[] = [
  { id: 'samenwerken', kind: 'scale', text: 'In ons team werken we echt samen aan beter onderwijs.' },
  {
    id: 'veilig',
    kind: 'scale',
    text: 'Ik voel me veilig genoeg om collega’s feedback te geven en er zelf om te vragen.',
  },
  { id: 'lerenVanElkaar', kind: 'scale', text: 'De afgelopen weken heb ik iets geleerd van een collega.' },
  { id: 'doelen', kind: 'scale', text: 'We komen zichtbaar vooruit op onze teamdoelen.' },
  {
    id: 'bordsessie',
    kind: 'scale',
    text: 'Onze bordsessies zijn kort en nuttig en eindigen met duidelijke afspraken.',
  },
  { id: 'acties', kind: 'scale', text: 'Wat we als verbeteractie afspreken, voeren we ook echt uit.' },
  { id: 'werkdruk', kind: 'scale', text: 'Mijn werkdruk was de afgelopen weken goed te doen.' },
  { id: 'energie', kind: 'scale', text: 'Ik krijg energie van het werken in dit team.' },
  { id: 'vasthouden', kind: 'text', text: 'Wat gaat er goed in ons team dat we moeten vasthouden?' },
  { id: 'verbeteren', kind: 'text', text: 'Wat kunnen we als team de komende weken beter doen?' },
];

export const STANDARD_IDS: ReadonlySet<string> = new Set(STANDARD_QUESTIONS.map((q) => q.id));

/** The Dutch labels of the scale, 1 to 5, for mails and exports; the web app has its own per language. */
export const SCALE_LABELS = ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'] as const;
