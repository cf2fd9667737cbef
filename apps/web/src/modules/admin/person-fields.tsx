import { Grid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, PersonInput } from '@groeipad/contracts';
import { isPhoneNumber } from '@groeipad/contracts';
import { ApiError } from '../../app/api.ts';

export type PersonFormValues = {
  firstName: string;
  infix: string;
  lastName: string;
  email: string;
  employeeNumber: string;
  jobTitle: string;
  phone: string;
};

export const PERSON_FIELDS = [
  'firstName',
  'infix',
  'lastName',
  'email',
  'employeeNumber',
  'jobTitle',
  'phone',
] as const;

export const EMPTY_PERSON: PersonFormValues = {
  firstName: '',
  infix: '',
  lastName: '',
  email: '',
  employeeNumber: '',
  jobTitle: '',
  phone: '',
};

export function valuesOf(p: PersonDetail): PersonFormValues {
  return {
    firstName: p.firstName,
    infix: p.infix ?? '',
    lastName: p.lastName,
    email: p.email,
    employeeNumber: p.employeeNumber ?? '',
    jobTitle: p.jobTitle ?? '',
    phone: p.phone ?? '',
  };
}

/** Form values to the API's shape: empty optional fields become null. */
export function inputOf(v: PersonFormValues): PersonInput {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    firstName: v.firstName.trim(),
    infix: orNull(v.infix),
    lastName: v.lastName.trim(),
    email: v.email.trim(),
    employeeNumber: orNull(v.employeeNumber),
    jobTitle: orNull(v.jobTitle),
    phone: orNull(v.phone),
  };
}

/** Puts the server's field errors ('body.email', 'email') on the matching fields; true when any matched. */
export function applyFieldErrors(form: UseFormReturnType<PersonFormValues>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = error.fieldErrors();
  let matched = false;
  for (const name of PERSON_FIELDS) {
    const message = fields[name];
    if (message) {
      form.setFieldError(name, message);
      matched = true;
    }
  }
  return matched;
}

/** The required fields, and a phone number (optional) that looks like one; the server checks the same. */
export function requiredRules(t: (key: 'person.required' | 'person.phoneInvalid') => string) {
  return {
    firstName: (v: string) => (v.trim() ? null : t('person.required')),
    lastName: (v: string) => (v.trim() ? null : t('person.required')),
    email: (v: string) => (v.trim() ? null : t('person.required')),
    phone: (v: string) => (v.trim() && !isPhoneNumber(v) ? t('person.phoneInvalid') : null),
  };
}

export function PersonFields({ form, readOnly }: { form: UseFormReturnType<PersonFormValues>; readOnly?: boolean }) {
  const { t } = useTranslation('admin');
  const field = (name: keyof PersonFormValues) => ({ readOnly, autoComplete: 'off', ...form.getInputProps(name) });
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <TextInput label={t('person.firstName')} required {...field('firstName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <TextInput label={t('person.infix')} {...field('infix')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label={t('person.lastName')} required {...field('lastName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput label={t('person.email')} type="email" required {...field('email')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label={t('person.employeeNumber')} {...field('employeeNumber')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput label={t('person.jobTitle')} {...field('jobTitle')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput
          label={t('person.phone')}
          description={t('person.phoneHint')}
          type="tel"
          inputMode="tel"
          {...field('phone')}
        />
      </Grid.Col>
    </Grid>
  );
}
