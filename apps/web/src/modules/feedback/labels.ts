import { useTranslation } from 'react-i18next';
import type { RaterGroup } from '@groeipad/contracts';

/** Rater group names in the reader's language; 'others' and 'all' are the guard's combined groups. */
export function useGroupLabel() {
  const { t } = useTranslation('feedback');
  return (group: string) => {
    if (group === 'others') return t('groups.others');
    if (group === 'all') return t('groups.all');
    return t(`groups.${group as RaterGroup}`);
  };
}

export const ANONYMOUS_GROUPS: readonly RaterGroup[] = [
  'collega',
  'student',
  'leerling',
  'schoolopleider',
  'ouder',
  'extern',
];
