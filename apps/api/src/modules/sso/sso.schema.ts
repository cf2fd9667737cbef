import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { boards, people } from '../organisation/organisation.schema.ts';

/**
 * One OpenID Connect configuration per board. Whether SSO is required lives in boards.sso_required,
 * which password login reads; this table holds how to reach the provider.
 */
export const ssoConfigs = pgTable('sso_configs', {
  boardId: uuid('board_id')
    .primaryKey()
    .references(() => boards.id),
  provider: text('provider').notNull(),
  displayName: text('display_name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** AES-256-GCM under GROEIPAD_SECRET_KEY ("v1.iv.tag.ciphertext", base64url); never plaintext. */
  clientSecretEnc: text('client_secret_enc'),
  enabled: boolean('enabled').notNull().default(false),
  allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => people.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A sign-in in progress, between the redirect to the provider and its callback. Single use: the
 * callback marks it used. Only hashes of the state and of the browser-binding cookie are stored.
 */
export const ssoLoginStates = pgTable(
  'sso_login_states',
  {
    id: text('id').primaryKey(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    bindingHash: text('binding_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to').notNull().default('/'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sso_login_states_expires').on(t.expiresAt)],
);
