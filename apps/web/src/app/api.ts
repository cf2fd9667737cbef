import type { ErrorCode } from '@groeipad/contracts';
import i18n from './i18n.ts';

export type FieldDetail = { path: string; message: string };

/** Every failed API call becomes one of these; `details` carries field errors for forms. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly details: unknown;
  constructor(status: number, code: ErrorCode | 'network', message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors as `{ field: message }`; 'body.email' and 'email' both become 'email'. */
  fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const out: Record<string, string> = {};
    for (const item of this.details as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      const { path, message } = item as Partial<FieldDetail>;
      if (typeof path !== 'string' || typeof message !== 'string') continue;
      const field = path.replace(/^(body|query|params)\./, '');
      if (field && !(field in out)) out[field] = message;
    }
    return out;
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token from GET /api/me; sent on every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request finds the session gone, so the app can return to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function fallbackMessage(): string {
  return i18n.t('common:errors.generic');
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common:errors.network'));
  }
  const data = parseBody(await response.text());
  if (!response.ok) throw failure(response.status, data, path);
  return data as T;
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The typed error for a refused request; a lost session also tells the app to return to the login page. */
function failure(status: number, data: unknown, path: string): ApiError {
  const error = (data as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null)?.error;
  const fallbackCode: ErrorCode = status === 413 ? 'payload_too_large' : 'internal';
  const apiError = new ApiError(
    status,
    error?.code ?? fallbackCode,
    error?.message ?? fallbackMessage(),
    error?.details,
  );
  if (status === 401 && path !== '/api/me' && !path.startsWith('/api/auth/')) onUnauthenticated?.();
  return apiError;
}

/**
 * Sends a file as the raw request body (CSV, XLSX) and reports how much has been sent. XMLHttpRequest,
 * because fetch cannot report upload progress.
 */
export function uploadFile<T>(path: string, file: File, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress?.(1);
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('common:errors.network')));
    xhr.onabort = () => reject(new ApiError(0, 'network', i18n.t('common:errors.network')));
    xhr.onload = () => {
      const data = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(failure(xhr.status, data, path));
    };
    xhr.send(file);
  });
}

/** The one API client: JSON in and out, the CSRF header on changes, typed errors. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
