function pgCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A unique constraint refused the write (SQLSTATE 23505), on PGlite or PostgreSQL. */
export function isUniqueViolation(err: unknown): boolean {
  return pgCode(err) === '23505';
}

/** A foreign key refused the write (SQLSTATE 23503). */
export function isForeignKeyViolation(err: unknown): boolean {
  return pgCode(err) === '23503';
}
