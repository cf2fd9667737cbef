import { z } from 'zod';

/** Every error the API returns has this shape. */
export const ErrorCode = z.enum([
  'unauthenticated',
  'forbidden',
  'not_found',
  'validation',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();
export const IdParams = z.object({ id: Id }).strict();
export type IdParams = z.infer<typeof IdParams>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

/** What kinds of task "Nu te doen" on the home page shows; the web app words each kind. */
export const HomeTaskKind = z.enum([
  'prepare_conversation',
  'sign_report',
  'write_report',
  'plan_conversation',
  'give_feedback',
  'close_feedback_round',
  'open_action',
  'stale_goal',
  'missing_manager',
  'fill_barometer',
  'team_action_behind',
  'start_barometer',
  'read_shared_visit',
  'pizza_session',
]);
export type HomeTaskKind = z.infer<typeof HomeTaskKind>;

/** One thing that needs the person now, with a date and where to do it. Modules build these; /api/me/tasks joins them. */
export const HomeTask = z.object({
  key: z.string(),
  kind: HomeTaskKind,
  /** Values for the web app's text of this kind, e.g. { name: 'Sanne de Vries', kind: 'Voortgangsgesprek' }. */
  params: z.record(z.string(), z.string()),
  dueOn: z.string().nullable(),
  href: z.string(),
});
export type HomeTask = z.infer<typeof HomeTask>;
