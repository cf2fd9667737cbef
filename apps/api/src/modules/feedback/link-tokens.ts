import { createHash, randomBytes } from 'node:crypto';

// The secrets behind e-mailed feedback links: only their hash is stored.

/** A single-use link secret and the hash that is stored instead of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
