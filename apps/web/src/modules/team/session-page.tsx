import { useEffect, useState } from 'react';
import { Alert, Anchor, Box, Button, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useDocumentTitle } from '../../ui/page.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { FormError, QueryError } from '../../ui/query-state.tsx';
import { formatWeekday } from './format.ts';
import { useStartSession, useTeamBoard, useUpdateSession } from './queries.ts';
import { AgendaPanel, HowIsEveryone, OpenActions, PlanningAndGoals, QuickAction, TV } from './session-parts.tsx';
import { SessionTimer } from './session-timer.tsx';

const AGENDA = ['howIsEveryone', 'actions', 'planning', 'newActions'] as const;

/**
 * Type scales with the screen: on a 1920-pixel TV everything is about one and a half times the usual size, readable from four
 * metres; a phone keeps the normal size.
 */
function useScreenSizedType() {
  useEffect(() => {
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = 'clamp(16px, 1.2vw, 26px)';
    return () => {
      root.style.fontSize = before;
    };
  }, []);
}

/** The board session on the staff room's TV (or a phone): timer, fixed agenda, attendance, mood, new actions. */
export default function SessionPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('team');
  const query = useTeamBoard(teamId);
  const start = useStartSession(teamId);
  const end = useUpdateSession(teamId);
  const [step, setStep] = useState(0);
  const [confirmEnd, setConfirmEnd] = useState(false);
  useScreenSizedType();
  useDocumentTitle(query.data ? t('session.documentTitle', { team: query.data.team.name }) : t('session.title'));

  if (query.isPending) {
    return (
      <Center mih="100vh" bg={TV.page}>
        <Loader color="white" aria-label={t('session.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Box p="xl" mih="100vh">
        {isApiError(query.error, 'not_found') ? (
          <Alert color="gray">{t('board.notFound')}</Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Box>
    );
  }

  const board = query.data;
  const session = board.openSession;
  const canEdit = board.abilities.edit;
  const clockOffsetMs = Date.parse(board.serverTime) - query.dataUpdatedAt;
  const titles = AGENDA.map((a) => t(`agenda.${a}`));

  return (
    <Box
      component="main"
      mih="100vh"
      p={{ base: 'md', sm: 'xl' }}
      style={{ background: TV.page, color: TV.text, fontSize: '1rem' }}
    >
      <Stack gap="1em">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="1em">
          <Stack gap="0.2em">
            <Anchor component={Link} to={`/team/${teamId}`} style={{ color: TV.soft }} fw={600}>
              <Group gap={6} component="span" wrap="nowrap">
                <IconArrowLeft size="1em" aria-hidden />
                {t('session.backToBoard')}
              </Group>
            </Anchor>
            <Title order={1} m={0} style={{ color: TV.text, fontSize: '2em' }}>
              {t('session.heading', { team: board.team.name })}
            </Title>
            <Text style={{ color: TV.soft }}>{formatWeekday(board.today)}</Text>
            {session ? (
              <Group gap="0.5em" mt="0.3em">
                <Text fw={700} aria-live="polite">
                  {t('session.now', { step: step + 1, title: titles[step] })}
                </Text>
                <Button
                  size="sm"
                  variant="outline"
                  color="gray.0"
                  style={{ color: TV.text, borderColor: TV.soft }}
                  rightSection={<IconArrowRight size={16} aria-hidden />}
                  onClick={() => setStep((s) => (s + 1) % AGENDA.length)}
                >
                  {step === AGENDA.length - 1 ? t('session.firstStep') : t('session.nextStep')}
                </Button>
              </Group>
            ) : null}
          </Stack>
          {session ? (
            <Group gap="1em" align="center">
              <SessionTimer
                startedAt={session.startedAt}
                minutes={board.board.sessionMinutes}
                clockOffsetMs={clockOffsetMs}
              />
              {canEdit ? (
                <Button
                  size="lg"
                  variant="white"
                  color="dark"
                  leftSection={<IconPlayerStop size={20} aria-hidden />}
                  onClick={() => setConfirmEnd(true)}
                >
                  {t('session.end')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>

        {session ? (
          <>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="1em">
              <AgendaPanel step={1} title={titles[0]!} current={step === 0}>
                <HowIsEveryone board={board} session={session} />
              </AgendaPanel>
              <AgendaPanel step={2} title={titles[1]!} current={step === 1}>
                <OpenActions board={board} />
              </AgendaPanel>
              <Stack gap="1em">
                <AgendaPanel step={3} title={titles[2]!} current={step === 2}>
                  <PlanningAndGoals board={board} />
                </AgendaPanel>
                <AgendaPanel step={4} title={titles[3]!} current={step === 3}>
                  {canEdit ? (
                    <QuickAction board={board} />
                  ) : (
                    <Text style={{ color: TV.soft }}>{t('session.viewOnly')}</Text>
                  )}
                </AgendaPanel>
              </Stack>
            </SimpleGrid>
            <ConfirmModal
              opened={confirmEnd}
              title={t('session.endTitle')}
              confirmLabel={t('session.end')}
              loading={end.isPending}
              error={end.error}
              onClose={() => setConfirmEnd(false)}
              onConfirm={() =>
                end.mutate(
                  { id: session.id, version: session.version, ended: true },
                  { onSuccess: () => setConfirmEnd(false) },
                )
              }
            >
              {t('session.endText')}
            </ConfirmModal>
          </>
        ) : (
          <Center py="3em">
            <Stack gap="1em" align="center" maw={720} ta="center">
              <Text style={{ fontSize: '1.4em', color: TV.text }} fw={700}>
                {t('session.noneTitle')}
              </Text>
              <Text style={{ color: TV.soft }}>{t('session.noneText', { minutes: board.board.sessionMinutes })}</Text>
              {canEdit ? (
                <Button
                  size="xl"
                  leftSection={<IconPlayerPlay size={24} aria-hidden />}
                  loading={start.isPending}
                  onClick={() => start.mutate(undefined)}
                >
                  {t('session.start')}
                </Button>
              ) : (
                <Text style={{ color: TV.soft }}>{t('session.viewOnly')}</Text>
              )}
              {start.error ? <FormError error={start.error} /> : null}
            </Stack>
          </Center>
        )}
      </Stack>
    </Box>
  );
}
