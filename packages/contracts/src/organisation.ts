import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.ts';

/** Roles a person can hold in a board, a school or a team. */
export const Role = z.enum([
  'beheerder',
  'bestuurder',
  'hr',
  'schoolleider',
  'mt_lid',
  'teamleider',
  'docent',
  'oop',
  'coach',
  'werkplekbegeleider',
  'schoolopleider',
  'student',
]);
export type Role = z.infer<typeof Role>;

/** Roles that belong to the board as a whole rather than to one school. */
export const BOARD_ROLES: readonly Role[] = ['beheerder', 'bestuurder', 'hr'];

export const SchoolKind = z.enum(['po', 'vo', 'mbo', 'so', 'overig']);
export type SchoolKind = z.infer<typeof SchoolKind>;

export const TeamKind = z.enum(['onderwijs', 'ondersteuning']);
export type TeamKind = z.infer<typeof TeamKind>;

const name = z.string().trim().min(1).max(200);

export const School = z.object({
  id: Id,
  name: z.string(),
  kind: SchoolKind,
  brin: z.string().nullable(),
  teamCount: z.number().int(),
  peopleCount: z.number().int(),
  version: z.number().int(),
});
export type School = z.infer<typeof School>;

export const SchoolInput = z
  .object({
    name,
    kind: SchoolKind,
    brin: z
      .string()
      .trim()
      .regex(/^[0-9]{2}[A-Z]{2}([0-9]{2})?$/, 'BRIN is twee cijfers en twee letters, zoals 12AB')
      .nullable()
      .optional(),
  })
  .strict();
export type SchoolInput = z.infer<typeof SchoolInput>;
export const SchoolUpdate = SchoolInput.partial().extend({ version: z.number().int() }).strict();
export type SchoolUpdate = z.infer<typeof SchoolUpdate>;

export const Team = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  name: z.string(),
  kind: TeamKind,
  memberCount: z.number().int(),
  version: z.number().int(),
});
export type Team = z.infer<typeof Team>;

export const TeamInput = z.object({ schoolId: Id, name, kind: TeamKind }).strict();
export type TeamInput = z.infer<typeof TeamInput>;
export const TeamUpdate = z
  .object({ name: name.optional(), kind: TeamKind.optional(), version: z.number().int() })
  .strict();
export type TeamUpdate = z.infer<typeof TeamUpdate>;

export const Membership = z.object({
  id: Id,
  role: Role,
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
});
export type Membership = z.infer<typeof Membership>;

export const MembershipInput = z
  .object({ role: Role, schoolId: Id.nullable().optional(), teamId: Id.nullable().optional() })
  .strict();
export type MembershipInput = z.infer<typeof MembershipInput>;

export const PersonRef = z.object({
  id: Id,
  displayName: z.string(),
  email: z.string(),
});
export type PersonRef = z.infer<typeof PersonRef>;

export const PersonSummary = z.object({
  id: Id,
  displayName: z.string(),
  email: z.string(),
  employeeNumber: z.string().nullable(),
  jobTitle: z.string().nullable(),
  active: z.boolean(),
  schools: z.array(z.string()),
  roles: z.array(Role),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonAbilities = z.object({
  edit: z.boolean(),
  manageRoles: z.boolean(),
  deactivate: z.boolean(),
});

export const PersonDetail = z.object({
  id: Id,
  firstName: z.string(),
  infix: z.string().nullable(),
  lastName: z.string(),
  displayName: z.string(),
  email: z.string(),
  employeeNumber: z.string().nullable(),
  jobTitle: z.string().nullable(),
  /** A work phone number, shown to the person's team on the team board. */
  phone: z.string().nullable(),
  active: z.boolean(),
  hasPassword: z.boolean(),
  memberships: z.array(Membership),
  managers: z.array(PersonRef),
  reports: z.array(PersonRef),
  version: z.number().int(),
  abilities: PersonAbilities,
});
export type PersonDetail = z.infer<typeof PersonDetail>;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Vul een geldig e-mailadres in' }))
  .pipe(z.string().max(254));

/**
 * A Dutch or international phone number: digits with spaces, dashes, dots or brackets, optionally starting with +
 * (06-12345678, 030 123 4567, +31 6 12345678). Between 10 and 15 digits; an empty field means none.
 */
export const PhoneNumber = z
  .string()
  .trim()
  .max(30, 'Maximaal 30 tekens.')
  .refine(
    (v) => {
      if (!/^\+?[0-9 ()./-]+$/.test(v)) return false;
      const digits = v.replace(/[^0-9]/g, '');
      if (v.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
      if (v.startsWith('00')) return digits.length >= 10 && digits.length <= 17;
      return digits.startsWith('0') && digits.length === 10;
    },
    { message: 'Vul een telefoonnummer in, zoals 06 12345678 of +31 6 12345678.' },
  );

/** The phone number of a person form: optional; empty means none. */
export function isPhoneNumber(v: string): boolean {
  return PhoneNumber.safeParse(v).success;
}

export const PersonInput = z
  .object({
    firstName: name,
    infix: z.string().trim().max(50).nullable().optional(),
    lastName: name,
    email,
    employeeNumber: z.string().trim().min(1).max(50).nullable().optional(),
    jobTitle: z.string().trim().max(200).nullable().optional(),
    phone: PhoneNumber.nullable().optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof PersonInput>;

export const PersonUpdate = PersonInput.partial()
  .extend({ active: z.boolean().optional(), version: z.number().int() })
  .strict();
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const ManagersInput = z.object({ managerIds: z.array(Id).max(10) }).strict();
export type ManagersInput = z.infer<typeof ManagersInput>;

export const PeopleQuery = PageQuery.extend({
  search: z.string().trim().max(100).optional(),
  schoolId: Id.optional(),
  teamId: Id.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
}).strict();
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PeoplePage = pageOf(PersonSummary);
export type PeoplePage = z.infer<typeof PeoplePage>;

export const SchoolList = z.object({ items: z.array(School) });
export const TeamList = z.object({ items: z.array(Team) });
export const TeamsQuery = z.object({ schoolId: Id.optional() }).strict();

/** A new board with its first beheerder, as the command line creates it on a fresh installation. */
export const BoardSetupInput = z
  .object({
    name,
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Gebruik kleine letters, cijfers en streepjes, zoals soo-oost'),
    admin: z
      .object({
        firstName: name,
        infix: z.string().trim().max(50).nullable().optional(),
        lastName: name,
        email,
      })
      .strict(),
  })
  .strict();
export type BoardSetupInput = z.infer<typeof BoardSetupInput>;
