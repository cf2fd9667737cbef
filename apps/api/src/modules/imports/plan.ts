import { z } from 'zod';
import type { ImportField, ImportMapping, ImportRowResult, ImportSummary, Role } from '@groeipad/contracts';
import { deriveRole, parseRole } from './mapping.ts';

// Pure planning: from the file, the mapping and the board as it is, decide per person what an import
// would do. The preview shows this plan; the commit recomputes it inside its transaction and applies it.

export type ExistingPerson = {
  id: string;
  employeeNumber: string | null;
  email: string;
  firstName: string;
  infix: string | null;
  lastName: string;
  jobTitle: string | null;
  active: boolean;
  name: string;
};
export type Placement = { role: Role; schoolId: string | null; teamId: string | null; source: 'import' | 'manual' };
export type BoardState = {
  people: ExistingPerson[];
  schools: { id: string; name: string }[];
  teams: { id: string; schoolId: string; name: string }[];
  /** Memberships per person. An import only ever removes those an earlier import created. */
  placements: Map<string, Placement[]>;
  /** Line managers per employee, with where each came from. */
  managers: Map<string, { managerId: string; source: 'import' | 'manual' }[]>;
  actorId: string;
  /** E-mail addresses (lower case) in the file that belong to someone of another board. */
  foreignEmails: Set<string>;
};

export type PersonFields = {
  employeeNumber: string;
  firstName: string;
  infix: string | null;
  lastName: string;
  email: string;
  jobTitle: string | null;
};
/** A place referred to by name: an existing id or a school/team the import creates. */
export type PlaceKey = { school: string; team: string | null };
export type PlannedPerson = {
  key: string;
  existingId: string | null;
  fields: PersonFields;
  reactivate: boolean;
  placements: { role: Role; place: PlaceKey }[];
  managerKeys: string[];
  action: 'create' | 'update' | 'unchanged' | 'error';
  changes: string[];
  fieldChanges: Partial<PersonFields>;
  placementsChanged: boolean;
  managersChanged: boolean;
};
export type ImportPlan = {
  people: PlannedPerson[];
  rows: ImportRowResult[];
  summary: ImportSummary;
  newSchools: string[];
  newTeams: PlaceKey[];
  deactivate: ExistingPerson[];
  derivedRoles: Record<string, Role>;
};

const emailSchema = z.email();
const lc = (s: string) => s.trim().toLowerCase();
const placeLabel = (p: PlaceKey) => (p.team ? `${p.team} (${p.school})` : p.school);
const ROLE_LABEL: Record<Role, string> = {
  beheerder: 'beheerder',
  bestuurder: 'bestuurder',
  hr: 'HR',
  schoolleider: 'schoolleider',
  mt_lid: 'MT-lid',
  teamleider: 'teamleider',
  docent: 'docent',
  oop: 'OOP-medewerker',
  coach: 'coach',
  werkplekbegeleider: 'werkplekbegeleider',
  schoolopleider: 'schoolopleider',
  student: 'student',
};
const BOARD_ROLES = new Set<Role>(['beheerder', 'bestuurder', 'hr']);

export function buildPlan(
  columns: string[],
  rows: string[][],
  mapping: ImportMapping,
  state: BoardState,
  deactivateMissing: boolean,
): ImportPlan {
  const index = new Map(columns.map((c, i) => [c, i]));
  const col = (field: ImportField) => (mapping[field] === undefined ? undefined : index.get(mapping[field]));
  const get = (row: string[], field: ImportField) => {
    const i = col(field);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };

  const schoolsByName = new Map(state.schools.map((s) => [lc(s.name), s]));
  const teamsByKey = new Map(state.teams.map((t) => [`${t.schoolId}|${lc(t.name)}`, t]));
  const byNumber = new Map(state.people.filter((p) => p.employeeNumber).map((p) => [lc(p.employeeNumber!), p]));
  const byEmail = new Map(state.people.map((p) => [lc(p.email), p]));
  const canonicalSchool = (name: string) => schoolsByName.get(lc(name))?.name ?? name;

  const rowResults: ImportRowResult[] = [];
  const planned = new Map<string, PlannedPerson>();
  const rowsOf = new Map<string, ImportRowResult[]>();
  const emailOwner = new Map<string, string>();
  const derivedRoles: Record<string, Role> = {};
  const managerRefs: { person: PlannedPerson; ref: string; row: ImportRowResult }[] = [];

  rows.forEach((row, i) => {
    const f = {
      employeeNumber: get(row, 'employeeNumber'),
      firstName: get(row, 'firstName'),
      infix: get(row, 'infix') || null,
      lastName: get(row, 'lastName'),
      email: lc(get(row, 'email')),
      jobTitle: get(row, 'jobTitle') || null,
    };
    const result: ImportRowResult = {
      line: i + 2,
      employeeNumber: f.employeeNumber,
      name: [f.firstName, f.infix, f.lastName].filter(Boolean).join(' '),
      action: 'unchanged',
      errors: [],
      changes: [],
    };
    rowResults.push(result);
    if (!f.employeeNumber) result.errors.push('Personeelsnummer ontbreekt.');
    if (!f.firstName) result.errors.push('Voornaam ontbreekt.');
    if (!f.lastName) result.errors.push('Achternaam ontbreekt.');
    if (!f.email) result.errors.push('E-mailadres ontbreekt.');
    else if (!emailSchema.safeParse(f.email).success) result.errors.push(`"${f.email}" is geen geldig e-mailadres.`);
    const school = get(row, 'school');
    const team = get(row, 'team');
    if (!school) result.errors.push('School ontbreekt.');
    const roleText = get(row, 'role');
    let role: Role | null;
    if (roleText) {
      role = parseRole(roleText);
      if (!role)
        result.errors.push(
          `Onbekende rol "${roleText}". Gebruik bijvoorbeeld docent, OOP, teamleider of schoolleider.`,
        );
    } else {
      role = deriveRole(f.jobTitle ?? '');
      if (f.jobTitle) derivedRoles[f.jobTitle] = role;
    }
    if (role && BOARD_ROLES.has(role))
      result.errors.push(
        `De rol ${ROLE_LABEL[role]} geldt voor het hele bestuur en kan niet per school worden geïmporteerd.`,
      );
    if (result.errors.length > 0 && !f.employeeNumber) return;

    const key = lc(f.employeeNumber);
    if (f.email) {
      const owner = emailOwner.get(f.email);
      if (owner && owner !== key)
        result.errors.push(`Het e-mailadres ${f.email} staat ook bij personeelsnummer ${owner}.`);
      else emailOwner.set(f.email, key);
    }
    let person = planned.get(key);
    if (!person) {
      person = {
        key,
        existingId: null,
        fields: { ...f, employeeNumber: f.employeeNumber },
        reactivate: false,
        placements: [],
        managerKeys: [],
        action: 'unchanged',
        changes: [],
        fieldChanges: {},
        placementsChanged: false,
        managersChanged: false,
      };
      planned.set(key, person);
    } else {
      const a = person.fields;
      if (a.firstName !== f.firstName || a.lastName !== f.lastName || a.infix !== f.infix || a.email !== f.email) {
        result.errors.push(
          `Personeelsnummer ${f.employeeNumber} staat al op een eerdere regel met een andere naam of e-mail.`,
        );
      }
    }
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), result]);
    if (role && school && !BOARD_ROLES.has(role)) {
      const place = { school: canonicalSchool(school), team: team || null };
      if (
        !person.placements.some(
          (p) =>
            p.role === role &&
            lc(p.place.school) === lc(place.school) &&
            lc(p.place.team ?? '') === lc(place.team ?? ''),
        )
      ) {
        person.placements.push({ role, place });
      }
    }
    const managerRef = get(row, 'manager');
    if (managerRef) managerRefs.push({ person, ref: managerRef, row: result });
  });

  // Match each person in the file to someone on the board: by personeelsnummer, else by e-mail.
  for (const person of planned.values()) {
    const errors = (msg: string) => rowsOf.get(person.key)?.[0]?.errors.push(msg);
    if (state.foreignEmails.has(person.fields.email))
      errors(`Het e-mailadres ${person.fields.email} is al in gebruik bij een ander bestuur.`);
    const numberMatch = byNumber.get(person.key);
    const emailMatch = byEmail.get(person.fields.email);
    if (numberMatch) {
      person.existingId = numberMatch.id;
      if (emailMatch && emailMatch.id !== numberMatch.id)
        errors(`Het e-mailadres ${person.fields.email} is al van ${emailMatch.name}.`);
    } else if (emailMatch) {
      if (emailMatch.employeeNumber && lc(emailMatch.employeeNumber) !== person.key) {
        errors(
          `Het e-mailadres ${person.fields.email} is al van ${emailMatch.name} (personeelsnummer ${emailMatch.employeeNumber}).`,
        );
      } else person.existingId = emailMatch.id;
    }
  }

  // Resolve leidinggevenden: a personeelsnummer or e-mail, in the file or already on the board.
  const idOfExisting = (ref: string) => byNumber.get(lc(ref))?.id ?? byEmail.get(lc(ref))?.id ?? null;
  for (const { person, ref, row } of managerRefs) {
    const inFile = planned.get(lc(ref)) ?? [...planned.values()].find((p) => p.fields.email === lc(ref));
    const managerKey = inFile ? `file:${inFile.key}` : idOfExisting(ref) ? `id:${idOfExisting(ref)}` : null;
    if (!managerKey)
      row.errors.push(`Leidinggevende "${ref}" is niet gevonden (niet in het bestand en niet in Groeipad).`);
    else if (managerKey === `file:${person.key}` || managerKey === `id:${person.existingId}`)
      row.errors.push('Iemand kan niet zijn eigen leidinggevende zijn.');
    else if (!person.managerKeys.includes(managerKey)) person.managerKeys.push(managerKey);
  }

  // New schools and teams.
  const newSchools = new Set<string>();
  const newTeams = new Map<string, PlaceKey>();
  for (const person of planned.values()) {
    for (const { place } of person.placements) {
      const school = schoolsByName.get(lc(place.school));
      if (!school) newSchools.add(place.school);
      if (place.team && !(school && teamsByKey.has(`${school.id}|${lc(place.team)}`))) {
        newTeams.set(`${lc(place.school)}|${lc(place.team)}`, place);
      }
    }
  }

  // Decide per person: create, update (with the list of changes) or unchanged.
  const existingById = new Map(state.people.map((p) => [p.id, p]));
  const placementKey = (role: Role, schoolId: string | null, teamId: string | null) => `${role}|${schoolId}|${teamId}`;
  const resolvePlace = (place: PlaceKey) => {
    const school = schoolsByName.get(lc(place.school));
    const team = school && place.team ? teamsByKey.get(`${school.id}|${lc(place.team)}`) : undefined;
    return {
      schoolId: school?.id ?? `new:${lc(place.school)}`,
      teamId: place.team ? (team?.id ?? `new:${lc(place.school)}|${lc(place.team)}`) : null,
    };
  };
  for (const person of planned.values()) {
    const rowsOfPerson = rowsOf.get(person.key) ?? [];
    if (rowsOfPerson.some((r) => r.errors.length > 0)) {
      person.action = 'error';
      continue;
    }
    const existing = person.existingId ? existingById.get(person.existingId) : undefined;
    if (!existing) {
      person.action = 'create';
      person.changes.push('nieuwe medewerker');
      for (const p of person.placements) person.changes.push(`${ROLE_LABEL[p.role]} in ${placeLabel(p.place)}`);
      person.placementsChanged = person.placements.length > 0;
      person.managersChanged = person.managerKeys.length > 0;
    } else {
      const labels: Record<keyof PersonFields, string> = {
        employeeNumber: 'personeelsnummer',
        firstName: 'voornaam',
        infix: 'tussenvoegsel',
        lastName: 'achternaam',
        email: 'e-mail',
        jobTitle: 'functie',
      };
      for (const k of Object.keys(labels) as (keyof PersonFields)[]) {
        const before = k === 'email' ? lc(existing[k]) : (existing[k] ?? null);
        const after = person.fields[k] ?? null;
        if (k === 'jobTitle' && after === null) continue; // an empty function column never clears a function
        if (k === 'employeeNumber' ? lc(before ?? '') !== lc(after ?? '') : before !== after) {
          (person.fieldChanges as Record<string, string | null>)[k] = after;
          person.changes.push(`${labels[k]}: ${before ?? '—'} → ${after ?? '—'}`);
        }
      }
      if (!existing.active) {
        person.reactivate = true;
        person.changes.push('weer in dienst');
      }
      const want = new Set(
        person.placements.map((p) => {
          const r = resolvePlace(p.place);
          return placementKey(p.role, r.schoolId, r.teamId);
        }),
      );
      const current = state.placements.get(existing.id) ?? [];
      const have = new Set(current.map((p) => placementKey(p.role, p.schoolId, p.teamId)));
      const stale = current.filter(
        (p) => p.source === 'import' && !want.has(placementKey(p.role, p.schoolId, p.teamId)),
      );
      if ([...want].some((k) => !have.has(k)) || stale.length > 0) {
        person.placementsChanged = true;
        for (const p of person.placements) {
          const r = resolvePlace(p.place);
          if (!have.has(placementKey(p.role, r.schoolId, r.teamId)))
            person.changes.push(`rol erbij: ${ROLE_LABEL[p.role]} in ${placeLabel(p.place)}`);
        }
        const removed = stale.length;
        if (removed > 0)
          person.changes.push(`${removed} ${removed === 1 ? 'rol' : 'rollen'} uit een eerdere import vervalt`);
      }
      if (col('manager') !== undefined) {
        const wantManagers = person.managerKeys.map((k) => (k.startsWith('id:') ? k.slice(3) : k));
        const current = state.managers.get(existing.id) ?? [];
        const resolved = wantManagers.map((k) =>
          k.startsWith('file:') ? (planned.get(k.slice(5))?.existingId ?? k) : k,
        );
        const stale = current.filter((m) => m.source === 'import' && !resolved.includes(m.managerId));
        if (resolved.some((m) => !current.some((c) => c.managerId === m)) || stale.length > 0) {
          person.managersChanged = true;
          person.changes.push('leidinggevende gewijzigd');
        }
      }
      person.action = person.changes.length > 0 ? 'update' : 'unchanged';
    }
    for (const r of rowsOfPerson) {
      r.action = person.action;
      r.changes = r === rowsOfPerson[0] ? person.changes : [];
    }
  }
  for (const r of rowResults) if (r.errors.length > 0) r.action = 'error';

  const inFile = new Set([...planned.values()].map((p) => p.existingId).filter(Boolean));
  const deactivate = deactivateMissing
    ? state.people.filter((p) => p.active && p.employeeNumber && !inFile.has(p.id) && p.id !== state.actorId)
    : [];

  const people = [...planned.values()];
  const count = (a: PlannedPerson['action']) => people.filter((p) => p.action === a).length;
  return {
    people,
    rows: rowResults,
    summary: {
      rows: rows.length,
      people: people.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      errors: rowResults.filter((r) => r.errors.length > 0).length,
      deactivate: deactivate.length,
      newSchools: [...newSchools],
      newTeams: [...newTeams.values()].map(placeLabel),
    },
    newSchools: [...newSchools],
    newTeams: [...newTeams.values()],
    deactivate,
    derivedRoles,
  };
}

/** The mapping must name existing columns and cover the required fields. */
export function mappingProblems(
  columns: string[],
  mapping: ImportMapping,
  required: readonly ImportField[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!columns.includes(column))
      problems.push({ path: `mapping.${field}`, message: `De kolom "${column}" staat niet in het bestand.` });
  }
  for (const field of required) {
    if (!mapping[field]) problems.push({ path: `mapping.${field}`, message: 'Kies de kolom voor dit veld.' });
  }
  const used = Object.values(mapping);
  const dup = used.find((c, i) => used.indexOf(c) !== i);
  if (dup) problems.push({ path: 'mapping', message: `De kolom "${dup}" is aan twee velden gekoppeld.` });
  return problems;
}
