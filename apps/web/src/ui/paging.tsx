import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type PagingProps = {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** e.g. "148 medewerkers"; left out when the count is shown elsewhere. */
  countLabel?: string;
};

/** Total count and page buttons under a paged list, with names for the arrow buttons. */
export function Paging({ page, pageSize, total, onChange, countLabel }: PagingProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {countLabel ?? ''}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={t('paging.label')}
          getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
          getItemProps={(p) => ({
            'aria-label': t('paging.page', { page: p }),
            'aria-current': p === page ? 'page' : undefined,
          })}
        />
      ) : null}
    </Group>
  );
}
