import { AppError } from '../../platform/http/errors.ts';

// The refusals a duplicate causes, each naming the field the form should mark.

export function emailTaken(): AppError {
  return new AppError('conflict', 'Dit e-mailadres is al in gebruik.', [
    { path: 'email', message: 'Dit e-mailadres is al in gebruik.' },
  ]);
}

export function numberTaken(): AppError {
  return new AppError('conflict', 'Dit personeelsnummer is al in gebruik.', [
    { path: 'employeeNumber', message: 'Dit personeelsnummer is al in gebruik.' },
  ]);
}

export function schoolNameTaken() {
  return new AppError('conflict', 'Er is al een school met deze naam.', [
    { path: 'name', message: 'Er is al een school met deze naam.' },
  ]);
}

export function teamNameTaken() {
  return new AppError('conflict', 'Deze school heeft al een team met deze naam.', [
    { path: 'name', message: 'Deze school heeft al een team met deze naam.' },
  ]);
}
