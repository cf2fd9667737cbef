import type { ErrorCode } from '@groeipad/contracts';

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  unauthenticated: 'Je bent niet ingelogd.',
  forbidden: 'Je hebt geen toestemming voor deze actie.',
  not_found: 'Niet gevonden.',
  validation: 'De invoer klopt niet.',
  conflict: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.',
  rate_limited: 'Te veel pogingen. Probeer het later opnieuw.',
  payload_too_large: 'Het verzoek is te groot.',
  internal: 'Er ging iets mis aan onze kant.',
};

export type FieldError = { path: string; message: string };

/** The one error type services throw for every refusal a user can cause. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly status: number;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.code = code;
    this.details = details;
    this.status = STATUS[code];
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGE[code];
}

/** A validation error on named fields, shaped like the route validator's. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('validation', message, [{ path, message }] satisfies FieldError[]);
}
