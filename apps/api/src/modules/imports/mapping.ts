import type { ImportField, ImportMapping, Role } from '@groeipad/contracts';

const normalise = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');

const SYNONYMS: Record<ImportField, string[]> = {
  employeeNumber: [
    'personeelsnummer',
    'personeelsnr',
    'persnr',
    'medewerkernummer',
    'medewerkernr',
    'registratienummer',
    'employeenumber',
    'employeeid',
    'nummer',
  ],
  firstName: ['voornaam', 'roepnaam', 'firstname', 'voornamen'],
  infix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels', 'infix'],
  lastName: ['achternaam', 'geslachtsnaam', 'familienaam', 'lastname', 'surname'],
  email: ['email', 'emailadres', 'mailadres', 'werkmail', 'emailwerk', 'zakelijkemail', 'mail'],
  school: ['school', 'locatie', 'instelling', 'vestiging', 'schoolnaam', 'organisatieeenheid'],
  team: ['team', 'afdeling', 'sectie', 'bouw', 'teamnaam'],
  jobTitle: ['functie', 'functienaam', 'functieomschrijving', 'jobtitle'],
  role: ['rol', 'groeipadrol', 'role'],
  manager: ['leidinggevende', 'manager', 'leidinggevendepersoneelsnummer', 'leidinggevendeemail', 'leidinggevendenr'],
};

/** Proposes which column feeds which field, from header names HR systems commonly use. */
export function suggestMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
    const exact = columns.find((c) => !taken.has(c) && names.includes(normalise(c)));
    const partial =
      exact ?? columns.find((c) => !taken.has(c) && names.some((n) => n.length > 4 && normalise(c).startsWith(n)));
    if (partial) {
      mapping[field] = partial;
      taken.add(partial);
    }
  }
  return mapping;
}

const ROLE_WORDS: Record<string, Role> = {
  beheerder: 'beheerder',
  bestuurder: 'bestuurder',
  hr: 'hr',
  po: 'hr',
  schoolleider: 'schoolleider',
  directeur: 'schoolleider',
  mtlid: 'mt_lid',
  mt: 'mt_lid',
  teamleider: 'teamleider',
  docent: 'docent',
  leraar: 'docent',
  leerkracht: 'docent',
  oop: 'oop',
  oopmedewerker: 'oop',
  coach: 'coach',
  werkplekbegeleider: 'werkplekbegeleider',
  schoolopleider: 'schoolopleider',
  student: 'student',
  stagiair: 'student',
  studentstagiair: 'student',
};

/** Reads a role written in a file ("Docent", "OOP-medewerker", "mt_lid"); null when it is not a role. */
export function parseRole(text: string): Role | null {
  return ROLE_WORDS[normalise(text)] ?? null;
}

/** A sensible role from a job title when the file has no role column; the preview shows what was chosen. */
export function deriveRole(jobTitle: string): Role {
  const t = normalise(jobTitle);
  if (/(directeur|rector|schoolleider)/.test(t) && !/adjunct/.test(t)) return 'schoolleider';
  if (/(conrector|adjunct|mtlid|locatieleider)/.test(t)) return 'mt_lid';
  if (/(teamleider|afdelingsleider|bouwcoordinator|sectievoorzitter|teamcoordinator)/.test(t)) return 'teamleider';
  if (/(leraar|docent|leerkracht|lerares|groepsleerkracht|vakleerkracht|instructeur)/.test(t)) return 'docent';
  if (/(stagiair|student|lio)/.test(t)) return 'student';
  return 'oop';
}
