import { z } from 'zod';
import { Id } from './common.ts';
import { Membership, PersonRef, Role } from './organisation.ts';

export const LoginInput = z
  .object({
    email: z.string().trim().toLowerCase().min(1).max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

/** The navigation areas of the app; the server decides which a person sees. */
export const NavArea = z.enum(['ontwikkeling', 'team', 'gesprekken', 'school', 'netwerken', 'beheer']);
export type NavArea = z.infer<typeof NavArea>;

export const Me = z.object({
  id: Id,
  displayName: z.string(),
  firstName: z.string(),
  email: z.string(),
  jobTitle: z.string().nullable(),
  board: z.object({ id: Id, name: z.string() }),
  memberships: z.array(Membership),
  roles: z.array(Role),
  managers: z.array(PersonRef),
  reports: z.array(PersonRef),
  nav: z.array(NavArea),
  /** What the person may do in Beheer; the server decides, the web app only shows or hides. */
  abilities: z.object({
    createPeople: z.boolean(),
    manageRoles: z.boolean(),
    manageStructure: z.boolean(),
    importStaff: z.boolean(),
    readOutbox: z.boolean(),
    readAuditLog: z.boolean(),
    configureSso: z.boolean(),
  }),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const PasswordResetRequest = z.object({ email: z.string().trim().toLowerCase().min(1).max(254) }).strict();
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PASSWORD_MIN_LENGTH = 12;

export const SetPasswordInput = z
  .object({
    token: z.string().min(20).max(200),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens`)
      .max(1024),
  })
  .strict();
export type SetPasswordInput = z.infer<typeof SetPasswordInput>;
