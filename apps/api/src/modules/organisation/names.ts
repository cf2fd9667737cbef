/** "Jan van der Berg": how Dutch names are written in running text. */
export function displayName(p: { firstName: string; infix: string | null; lastName: string }): string {
  return [p.firstName, p.infix, p.lastName].filter((s) => s && s.trim()).join(' ');
}

/** The lower-cased text the staff search matches against. */
export function searchTextOf(p: {
  firstName: string;
  infix?: string | null | undefined;
  lastName: string;
  email: string;
  employeeNumber?: string | null | undefined;
}): string {
  return [p.firstName, p.infix, p.lastName, p.email, p.employeeNumber].filter(Boolean).join(' ').toLowerCase();
}

/** Escapes LIKE wildcards so a search for "50%" finds that text. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
