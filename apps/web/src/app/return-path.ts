/** Where to return after login: only paths inside this app, never back to the login page. */
export function safeReturnPath(value: string | null): string {
  if (
    !value ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    value.startsWith('/inloggen')
  )
    return '/';
  return value;
}
