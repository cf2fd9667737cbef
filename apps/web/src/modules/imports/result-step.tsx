import type { Ref } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconInfoCircle, IconSchool, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportResult } from '@groeipad/contracts';
import { formatNumber } from '../../ui/format.ts';
import { ImportStats, StepCard } from './import-ui.tsx';

export function ResultStep({
  headingRef,
  result,
  onAgain,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  result: ImportResult;
  onAgain: () => void;
}) {
  const { t } = useTranslation('import');
  const { summary } = result;
  const newPlaces = summary.newSchools.length + summary.newTeams.length;
  return (
    <StepCard
      headingRef={headingRef}
      title={t('done.title')}
      intro={
        <Group gap="xs" wrap="nowrap" align="flex-start" role="status">
          <IconCircleCheck size={22} color="var(--mantine-color-groei-7)" aria-hidden style={{ flexShrink: 0 }} />
          <Text fw={600}>
            {t('done.summary', {
              create: formatNumber(summary.create),
              update: formatNumber(summary.update),
              deactivate: formatNumber(summary.deactivate),
              unchanged: formatNumber(summary.unchanged),
            })}
          </Text>
        </Group>
      }
    >
      <ImportStats summary={summary} deactivateChosen withErrors={false} />
      {summary.create > 0 ? (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('done.invite')}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button component={Link} to="/beheer/medewerkers" leftSection={<IconUsers size={18} aria-hidden />}>
          {t('done.toPeople')}
        </Button>
        {newPlaces > 0 ? (
          <Button
            component={Link}
            to="/beheer/scholen"
            variant="default"
            leftSection={<IconSchool size={18} aria-hidden />}
          >
            {t('done.toSchools')}
          </Button>
        ) : null}
        <Button variant="subtle" leftSection={<IconFileImport size={18} aria-hidden />} onClick={onAgain}>
          {t('done.again')}
        </Button>
      </Group>
    </StepCard>
  );
}
