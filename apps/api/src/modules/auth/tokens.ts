import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an e-mail link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the secret itself. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
