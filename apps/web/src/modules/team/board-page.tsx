import { useState } from 'react';
import { Alert, Badge, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { IconAdjustments, IconEye, IconPresentation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TeamBoard, TeamBoardPart } from '@groeipad/contracts';
import { isOwnPartKey } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { ActionsPart } from './actions-part.tsx';
import { CustomizeModal } from './customize-modal.tsx';
import { partTitle } from './format.ts';
import { GoalsPart } from './goals-part.tsx';
import { OwnPart } from './own-part.tsx';
import { PartFrame } from './part-frame.tsx';
import { PlanningPart } from './planning-part.tsx';
import { ProgrammePart } from './programme-part.tsx';
import { TeamPart } from './team-part.tsx';
import { useTeamBoard } from './queries.ts';

const WIDE = new Set(['actions', 'goals']);

function PartBody({ board, part }: { board: TeamBoard; part: TeamBoardPart }) {
  switch (part.key) {
    case 'programme':
      return <ProgrammePart board={board} />;
    case 'planning':
      return <PlanningPart board={board} />;
    case 'goals':
      return <GoalsPart board={board} />;
    case 'actions':
      return <ActionsPart board={board} />;
    case 'team':
      return <TeamPart board={board} />;
    default:
      return isOwnPartKey(part.key) ? <OwnPart board={board} part={part} /> : null;
  }
}

/** The team board: its parts in the team's order; a grid on a laptop, one column of folding parts on a phone. */
export default function BoardPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('team');
  const query = useTeamBoard(teamId);
  const [customizing, setCustomizing] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('board.titleUnknown')}>
        {isApiError(query.error, 'not_found') ? (
          <Alert color="gray" variant="light">
            {t('board.notFound')}
          </Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Page>
    );
  }
  const board = query.data;
  const canEdit = board.abilities.edit;
  const visible = board.board.parts.filter((p) => !p.hidden);
  const running = board.openSession !== null;

  return (
    <Page
      title={t('board.title', { team: board.team.name })}
      description={
        <Group gap="xs">
          <Text c="dimmed">{board.team.schoolName}</Text>
          {!canEdit ? (
            <Badge variant="light" color="gray" tt="none" leftSection={<IconEye size={14} aria-hidden />}>
              {t('board.viewOnly')}
            </Badge>
          ) : null}
        </Group>
      }
      actions={
        <>
          {canEdit || running ? (
            <Button
              component={Link}
              to={`/team/${teamId}/sessie`}
              leftSection={<IconPresentation size={18} aria-hidden />}
              variant={running ? 'filled' : 'light'}
            >
              {running ? t('board.toSession') : t('board.session')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button
              variant="default"
              leftSection={<IconAdjustments size={18} aria-hidden />}
              onClick={() => setCustomizing(true)}
            >
              {t('board.customize')}
            </Button>
          ) : null}
        </>
      }
    >
      {!canEdit ? (
        <Text size="sm" c="dimmed">
          {t('board.viewOnlyText')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {visible.map((part) => (
          <PartFrame
            key={part.key}
            id={`${teamId}-${part.key}`}
            title={partTitle(part)}
            intro={isOwnPartKey(part.key) ? undefined : t(`intro.${part.key as 'programme'}`)}
            wide={WIDE.has(part.key)}
          >
            <PartBody board={board} part={part} />
          </PartFrame>
        ))}
      </SimpleGrid>
      {canEdit && customizing ? <CustomizeModal opened onClose={() => setCustomizing(false)} board={board} /> : null}
    </Page>
  );
}
