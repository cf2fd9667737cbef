import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '@groeipad/contracts';
import { buildPlan, mappingProblems, type BoardState } from './plan.ts';
import { deriveRole, parseRole, suggestMapping } from './mapping.ts';

const columns = [
  'Personeelsnummer',
  'Voornaam',
  'Tussenvoegsel',
  'Achternaam',
  'E-mail',
  'School',
  'Team',
  'Functie',
  'Leidinggevende',
];
const mapping: ImportMapping = suggestMapping(columns);
const row = (
  nr: string,
  first: string,
  last: string,
  email: string,
  school = 'Oostland College',
  team = 'Exact',
  fn = 'Docent wiskunde',
  manager = '',
) => [nr, first, '', last, email, school, team, fn, manager];

function state(overrides: Partial<BoardState> = {}): BoardState {
  return {
    people: [],
    schools: [{ id: 's1', name: 'Oostland College' }],
    teams: [{ id: 't1', schoolId: 's1', name: 'Exact' }],
    placements: new Map(),
    managers: new Map(),
    actorId: 'admin',
    foreignEmails: new Set(),
    ...overrides,
  };
}

describe('suggestMapping', () => {
  it('recognises the columns HR exports use', () => {
    expect(mapping).toEqual({
      employeeNumber: 'Personeelsnummer',
      firstName: 'Voornaam',
      infix: 'Tussenvoegsel',
      lastName: 'Achternaam',
      email: 'E-mail',
      school: 'School',
      team: 'Team',
      jobTitle: 'Functie',
      manager: 'Leidinggevende',
    });
  });
  it('tolerates other spellings', () => {
    expect(
      suggestMapping(['Pers.nr.', 'Roepnaam', 'Geslachtsnaam', 'E-mailadres', 'Locatie', 'Afdeling']),
    ).toMatchObject({
      firstName: 'Roepnaam',
      lastName: 'Geslachtsnaam',
      email: 'E-mailadres',
      school: 'Locatie',
      team: 'Afdeling',
    });
  });
});

describe('roles', () => {
  it.each([
    ['Leraar LB', 'docent'],
    ['Groepsleerkracht', 'docent'],
    ['Directeur', 'schoolleider'],
    ['Adjunct-directeur', 'mt_lid'],
    ['Teamleider onderbouw', 'teamleider'],
    ['Conciërge', 'oop'],
    ['Onderwijsassistent', 'oop'],
    ['LIO-stagiair', 'student'],
  ])('derives %s → %s', (title, role) => expect(deriveRole(title)).toBe(role));
  it('reads written roles', () => {
    expect(parseRole('OOP-medewerker')).toBe('oop');
    expect(parseRole('MT-lid')).toBe('mt_lid');
    expect(parseRole('kok')).toBeNull();
  });
});

describe('buildPlan', () => {
  it('creates new people, schools and teams', () => {
    const plan = buildPlan(
      columns,
      [row('1', 'Anna', 'Smit', 'anna@x.nl'), row('2', 'Bas', 'Bos', 'bas@x.nl', 'Nieuwe School', 'Groep 3')],
      mapping,
      state(),
      false,
    );
    expect(plan.summary).toMatchObject({
      people: 2,
      create: 2,
      errors: 0,
      newSchools: ['Nieuwe School'],
      newTeams: ['Groep 3 (Nieuwe School)'],
    });
    expect(plan.people[0]!.placements).toEqual([
      { role: 'docent', place: { school: 'Oostland College', team: 'Exact' } },
    ]);
  });

  it('reports an unchanged person as unchanged', () => {
    const s = state({
      people: [
        {
          id: 'p1',
          employeeNumber: '1',
          email: 'anna@x.nl',
          firstName: 'Anna',
          infix: null,
          lastName: 'Smit',
          jobTitle: 'Docent wiskunde',
          active: true,
          name: 'Anna Smit',
        },
      ],
      placements: new Map([['p1', [{ role: 'docent', schoolId: 's1', teamId: 't1', source: 'import' }]]]),
    });
    const plan = buildPlan(columns, [row('1', 'Anna', 'Smit', 'ANNA@x.nl')], mapping, s, false);
    expect(plan.summary).toMatchObject({ create: 0, update: 0, unchanged: 1 });
  });

  it('counts a manual membership that equals the file as present', () => {
    const s = state({
      people: [
        {
          id: 'p1',
          employeeNumber: '1',
          email: 'anna@x.nl',
          firstName: 'Anna',
          infix: null,
          lastName: 'Smit',
          jobTitle: 'Docent wiskunde',
          active: true,
          name: 'Anna Smit',
        },
      ],
      placements: new Map([['p1', [{ role: 'docent', schoolId: 's1', teamId: 't1', source: 'manual' }]]]),
    });
    expect(buildPlan(columns, [row('1', 'Anna', 'Smit', 'anna@x.nl')], mapping, s, false).summary.unchanged).toBe(1);
  });

  it('lists changes in Dutch, and reactivates someone who came back', () => {
    const s = state({
      people: [
        {
          id: 'p1',
          employeeNumber: '1',
          email: 'anna@x.nl',
          firstName: 'Anna',
          infix: null,
          lastName: 'Smit',
          jobTitle: 'Docent',
          active: false,
          name: 'Anna Smit',
        },
      ],
    });
    const plan = buildPlan(columns, [row('1', 'Anna', 'Smit', 'anna@x.nl')], mapping, s, false);
    expect(plan.summary.update).toBe(1);
    expect(plan.rows[0]!.changes).toEqual([
      'functie: Docent → Docent wiskunde',
      'weer in dienst',
      'rol erbij: docent in Exact (Oostland College)',
    ]);
  });

  it('gives per-row errors for missing and invalid values', () => {
    const plan = buildPlan(columns, [['', 'Anna', '', '', 'geen-mail', '', '', '', '']], mapping, state(), false);
    expect(plan.rows[0]!.errors).toEqual([
      'Personeelsnummer ontbreekt.',
      'Achternaam ontbreekt.',
      '"geen-mail" is geen geldig e-mailadres.',
      'School ontbreekt.',
    ]);
    expect(plan.summary.errors).toBe(1);
  });

  it('refuses one e-mail for two personeelsnummers, and an e-mail of someone else', () => {
    const s = state({
      people: [
        {
          id: 'p9',
          employeeNumber: '9',
          email: 'bezet@x.nl',
          firstName: 'B',
          infix: null,
          lastName: 'Z',
          jobTitle: null,
          active: true,
          name: 'B Z',
        },
      ],
    });
    const plan = buildPlan(
      columns,
      [row('1', 'A', 'A', 'same@x.nl'), row('2', 'B', 'B', 'same@x.nl'), row('3', 'C', 'C', 'bezet@x.nl')],
      mapping,
      s,
      false,
    );
    expect(plan.rows[1]!.errors[0]).toMatch(/staat ook bij personeelsnummer 1/);
    expect(plan.rows[2]!.errors[0]).toMatch(/is al van B Z/);
  });

  it('refuses an e-mail that another board uses', () => {
    const plan = buildPlan(
      columns,
      [row('1', 'A', 'A', 'elders@x.nl')],
      mapping,
      state({ foreignEmails: new Set(['elders@x.nl']) }),
      false,
    );
    expect(plan.rows[0]!.errors[0]).toMatch(/ander bestuur/);
  });

  it('joins several rows of one person into several placements', () => {
    const plan = buildPlan(
      columns,
      [
        row('1', 'A', 'A', 'a@x.nl', 'Oostland College', 'Exact'),
        row('1', 'A', 'A', 'a@x.nl', 'Oostland College', 'Talen'),
      ],
      mapping,
      state(),
      false,
    );
    expect(plan.summary).toMatchObject({ people: 1, create: 1, errors: 0 });
    expect(plan.people[0]!.placements).toHaveLength(2);
  });

  it('refuses one personeelsnummer with two names', () => {
    const plan = buildPlan(
      columns,
      [row('1', 'A', 'A', 'a@x.nl'), row('1', 'Z', 'Z', 'a@x.nl')],
      mapping,
      state(),
      false,
    );
    expect(plan.rows[1]!.errors[0]).toMatch(/andere naam/);
  });

  it('resolves leidinggevenden in the file and on the board, and reports unknown ones', () => {
    const s = state({
      people: [
        {
          id: 'boss',
          employeeNumber: '900',
          email: 'boss@x.nl',
          firstName: 'B',
          infix: null,
          lastName: 'B',
          jobTitle: null,
          active: true,
          name: 'B B',
        },
      ],
    });
    const plan = buildPlan(
      columns,
      [
        row('1', 'T', 'L', 'tl@x.nl', 'Oostland College', 'Exact', 'Teamleider', 'boss@x.nl'),
        row('2', 'D', 'D', 'd@x.nl', 'Oostland College', 'Exact', 'Docent', '1'),
        row('3', 'E', 'E', 'e@x.nl', 'Oostland College', 'Exact', 'Docent', '404'),
      ],
      mapping,
      s,
      false,
    );
    expect(plan.people[0]!.managerKeys).toEqual(['id:boss']);
    expect(plan.people[1]!.managerKeys).toEqual(['file:1']);
    expect(plan.rows[2]!.errors[0]).toMatch(/Leidinggevende "404" is niet gevonden/);
  });

  it('marks who is missing from the file as leaving only when asked, and never the importer', () => {
    const people = [
      {
        id: 'gone',
        employeeNumber: '5',
        email: 'gone@x.nl',
        firstName: 'G',
        infix: null,
        lastName: 'G',
        jobTitle: null,
        active: true,
        name: 'G G',
      },
      {
        id: 'admin',
        employeeNumber: '6',
        email: 'admin@x.nl',
        firstName: 'A',
        infix: null,
        lastName: 'A',
        jobTitle: null,
        active: true,
        name: 'A A',
      },
      {
        id: 'manual',
        employeeNumber: null,
        email: 'm@x.nl',
        firstName: 'M',
        infix: null,
        lastName: 'M',
        jobTitle: null,
        active: true,
        name: 'M M',
      },
    ];
    expect(buildPlan(columns, [row('1', 'A', 'A', 'a@x.nl')], mapping, state({ people }), false).deactivate).toEqual(
      [],
    );
    expect(
      buildPlan(columns, [row('1', 'A', 'A', 'a@x.nl')], mapping, state({ people }), true).deactivate.map((p) => p.id),
    ).toEqual(['gone']);
  });
});

describe('mappingProblems', () => {
  it('names missing required fields and unknown columns', () => {
    const problems = mappingProblems(columns, { firstName: 'Voornaam', email: 'Mail' }, [
      'firstName',
      'email',
      'lastName',
    ]);
    expect(problems).toEqual([
      { path: 'mapping.email', message: 'De kolom "Mail" staat niet in het bestand.' },
      { path: 'mapping.lastName', message: 'Kies de kolom voor dit veld.' },
    ]);
  });
});
