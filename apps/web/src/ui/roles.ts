import {
  Role as RoleEnum,
  SchoolKind as SchoolKindEnum,
  TeamKind as TeamKindEnum,
  type Membership,
  type Role,
  type SchoolKind,
  type TeamKind,
} from '@groeipad/contracts';
import i18n from '../app/i18n.ts';

export const ALL_ROLES: readonly Role[] = RoleEnum.options;
export const SCHOOL_KINDS: readonly SchoolKind[] = SchoolKindEnum.options;
export const TEAM_KINDS: readonly TeamKind[] = TeamKindEnum.options;

export function roleLabel(role: Role): string {
  return i18n.t(`roles.${role}`, { ns: 'common' });
}

export function schoolKindLabel(kind: SchoolKind): string {
  return i18n.t(`schoolKinds.${kind}`, { ns: 'common' });
}

export function teamKindLabel(kind: TeamKind): string {
  return i18n.t(`teamKinds.${kind}`, { ns: 'common' });
}

/** "Docent · Exact, Oostland College" style text for one membership. */
export function membershipPlace(m: Membership): string {
  if (m.teamName && m.schoolName)
    return i18n.t('membership.teamAtSchool', { ns: 'common', team: m.teamName, school: m.schoolName });
  if (m.schoolName) return m.schoolName;
  return i18n.t('membership.board', { ns: 'common' });
}
