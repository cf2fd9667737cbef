import { isApiError } from '../../app/api.ts';

/** Puts the server's field messages (400) on the form's fields; other errors are shown above the form. */
export function setFieldErrors(error: unknown, form: { setFieldError: (path: string, message: string) => void }) {
  const fields = isApiError(error) ? error.fieldErrors() : {};
  for (const [key, message] of Object.entries(fields)) form.setFieldError(key, message);
}

/** The error to show above a form: anything but field messages, which sit on their fields. */
export function formLevelError(error: unknown): unknown {
  return error && !isApiError(error, 'validation') ? error : null;
}
