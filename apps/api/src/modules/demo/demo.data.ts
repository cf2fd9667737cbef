// Deterministic ingredients for the demo board. All names are invented.

export const FIRST_NAMES = [
  'Anouk',
  'Bram',
  'Charlotte',
  'Daan',
  'Eva',
  'Fleur',
  'Gijs',
  'Hanna',
  'Ilse',
  'Jeroen',
  'Karin',
  'Lars',
  'Maaike',
  'Niels',
  'Olga',
  'Pieter',
  'Quinten',
  'Roos',
  'Sanne',
  'Thijs',
  'Ursula',
  'Vincent',
  'Wendy',
  'Yara',
  'Zeynep',
  'Mohamed',
  'Fatima',
  'Sem',
  'Lotte',
  'Ruben',
  'Noor',
  'Joost',
  'Marloes',
  'Koen',
  'Esther',
  'Hidde',
  'Ingrid',
  'Jasper',
  'Linda',
  'Martijn',
  'Nadia',
  'Omar',
  'Petra',
  'Rik',
  'Sophie',
  'Tim',
  'Vera',
  'Wouter',
  'Aylin',
  'Bas',
  'Carmen',
  'Dirk',
  'Elif',
  'Frank',
  'Greetje',
  'Hamza',
];

export const LAST_NAMES: [string | null, string][] = [
  [null, 'Jansen'],
  ['de', 'Vries'],
  ['van den', 'Berg'],
  ['van', 'Dijk'],
  ['', 'Bakker'],
  [null, 'Visser'],
  [null, 'Smit'],
  [null, 'Meijer'],
  ['de', 'Boer'],
  [null, 'Mulder'],
  ['de', 'Groot'],
  [null, 'Bos'],
  [null, 'Vos'],
  [null, 'Peters'],
  [null, 'Hendriks'],
  ['van', 'Leeuwen'],
  [null, 'Dekker'],
  [null, 'Brouwer'],
  ['de', 'Wit'],
  [null, 'Dijkstra'],
  [null, 'Smits'],
  ['de', 'Graaf'],
  ['van der', 'Meer'],
  ['van der', 'Linden'],
  [null, 'Kok'],
  [null, 'Jacobs'],
  ['de', 'Haan'],
  [null, 'Vermeulen'],
  ['van den', 'Heuvel'],
  ['van der', 'Veen'],
  ['van den', 'Broek'],
  ['de', 'Bruijn'],
  [null, 'Schouten'],
  ['van', 'Beek'],
  [null, 'Willems'],
  ['van', 'Vliet'],
  [null, 'Yilmaz'],
  [null, 'El Amrani'],
  [null, 'Hoekstra'],
  [null, 'Koster'],
  [null, 'Prins'],
  ['van', 'Wijk'],
  [null, 'Postma'],
  [null, 'Kuipers'],
  ['de', 'Jong'],
  [null, 'Verhoeven'],
  [null, 'Huisman'],
  ['van', 'Rooij'],
];

export type DemoTeam = {
  name: string;
  kind: 'onderwijs' | 'ondersteuning';
  size: number;
  staffRole: 'docent' | 'oop';
  jobTitle: string;
};
export type DemoSchool = { name: string; kind: 'po' | 'vo'; brin: string; teams: DemoTeam[] };

const t = (name: string, size: number, jobTitle = 'Leraar'): DemoTeam => ({
  name,
  kind: 'onderwijs',
  size,
  staffRole: 'docent',
  jobTitle,
});
const s = (name: string, size: number, jobTitle: string): DemoTeam => ({
  name,
  kind: 'ondersteuning',
  size,
  staffRole: 'oop',
  jobTitle,
});

export const DEMO_BOARD = { name: 'Stichting Openbaar Onderwijs Oost', slug: 'soo-oost' };

export const DEMO_SCHOOLS: DemoSchool[] = [
  {
    name: 'Oostland College',
    kind: 'vo',
    brin: '21QX',
    teams: [
      t('Exact', 9, 'Docent wiskunde'),
      t('Talen', 7, 'Docent Engels'),
      t('Nederlands', 5, 'Docent Nederlands'),
      t('Mens en maatschappij', 6, 'Docent geschiedenis'),
      t('Kunst en bewegen', 5, 'Docent LO'),
      t('Onderbouw', 6, 'Docent'),
      s('Roostering en administratie', 4, 'Administratief medewerker'),
      s('ICT en facilitair', 4, 'Medewerker ICT'),
      s('Leerlingzaken', 3, 'Zorgcoördinator'),
    ],
  },
  {
    name: 'Stedelijk Lyceum Oost',
    kind: 'vo',
    brin: '22RB',
    teams: [
      t('Bètavakken', 6, 'Docent natuurkunde'),
      t('Moderne vreemde talen', 5, 'Docent Duits'),
      t('Maatschappijvakken', 5, 'Docent economie'),
      t('Bovenbouw havo/vwo', 5),
      s('Ondersteuning', 3, 'Onderwijsassistent'),
    ],
  },
  {
    name: 'OBS De Regenboog',
    kind: 'po',
    brin: '13KL',
    teams: [
      t('Onderbouw', 5, 'Leerkracht'),
      t('Middenbouw', 5, 'Leerkracht'),
      t('Bovenbouw', 5, 'Leerkracht'),
      s('Zorg en ondersteuning', 3, 'Onderwijsassistent'),
    ],
  },
  {
    name: 'OBS Het Kompas',
    kind: 'po',
    brin: '14MN',
    teams: [
      t('Groep 1-4', 5, 'Leerkracht'),
      t('Groep 5-8', 5, 'Leerkracht'),
      s('Ondersteuning', 2, 'Intern begeleider'),
    ],
  },
  {
    name: 'OBS De Vlinder',
    kind: 'po',
    brin: '15PQ',
    teams: [
      t('Onderbouw', 4, 'Leerkracht'),
      t('Bovenbouw', 5, 'Leerkracht'),
      s('Ondersteuning', 2, 'Onderwijsassistent'),
    ],
  },
];

export const DEMO_PASSWORD = 'groeipad-demo';
export const DEMO_DOMAIN = 'demo.groeipad.nl';

/** The accounts the README lists. */
export const DEMO_ACCOUNTS = [
  { email: `beheer@${DEMO_DOMAIN}`, role: 'beheerder' },
  { email: `directeur@${DEMO_DOMAIN}`, role: 'schoolleider (Oostland College)' },
  { email: `teamleider@${DEMO_DOMAIN}`, role: 'teamleider (team Exact, Oostland College)' },
  { email: `docent@${DEMO_DOMAIN}`, role: 'docent (team Exact)' },
] as const;
