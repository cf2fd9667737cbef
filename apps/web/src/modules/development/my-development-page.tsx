import { useState } from 'react';
import { Button, Grid, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconPlant2, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { AmbitionCard } from './ambition-card.tsx';
import { CycleCards } from './cycle-cards.tsx';
import { ActionList } from './action-list.tsx';
import { ActionModal } from './action-modal.tsx';
import { EvidenceList } from './evidence-list.tsx';
import { EvidenceModal } from './evidence-modal.tsx';
import { GoalCard } from './goal-card.tsx';
import { GoalModal } from './modals.tsx';
import { FinishedGoals, isFinished, Section } from './sections.tsx';
import { useMyPlan } from './queries.ts';

type Modal = 'goal' | 'quick' | 'evidence' | null;

/** "Mijn ontwikkeling": the person's own POP and personal action plan. */
export default function MyDevelopmentPage() {
  const { t } = useTranslation('development');
  const me = useMe();
  const query = useMyPlan();
  const [modal, setModal] = useState<Modal>(null);
  const close = () => setModal(null);

  const teamLink =
    me.reports.length > 0 ? (
      <Button
        component={Link}
        to="/ontwikkeling/team"
        variant="default"
        leftSection={<IconUsersGroup size={18} aria-hidden />}
      >
        {t('page.teamLink')}
      </Button>
    ) : undefined;

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('page.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const plan = query.data;
  const running = plan.goals.filter((g) => !isFinished(g));
  const finished = plan.goals.filter(isFinished);

  return (
    <Page title={t('page.title')} description={t('page.intro')} actions={teamLink}>
      <CycleCards />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Stack gap="sm" component="section" aria-labelledby="doelen-titel">
              <Stack gap={4}>
                <Title order={2} fz="lg" id="doelen-titel">
                  {t('goals.title')}
                </Title>
              </Stack>
              {plan.goals.length === 0 ? (
                <Empty
                  order={3}
                  icon={<IconPlant2 aria-hidden />}
                  title={t('goals.emptyTitle')}
                  description={t('goals.emptyText')}
                  action={
                    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setModal('goal')}>
                      {t('goals.first')}
                    </Button>
                  }
                />
              ) : (
                <>
                  {running.map((g) => (
                    <GoalCard key={g.id} goal={g} personId={plan.person.id} viewer="owner" allGoals={plan.goals} />
                  ))}
                  <div>
                    <Button
                      variant="light"
                      leftSection={<IconPlus size={18} aria-hidden />}
                      onClick={() => setModal('goal')}
                    >
                      {t('goals.add')}
                    </Button>
                  </div>
                  <FinishedGoals goals={finished} personId={plan.person.id} allGoals={plan.goals} />
                </>
              )}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <AmbitionCard ambition={plan.plan.ambition ?? ''} version={plan.plan.version} />
            <Section
              id="actieplan-titel"
              title={t('quick.title')}
              intro={t('quick.intro')}
              action={
                <div>
                  <Button
                    size="sm"
                    variant="light"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setModal('quick')}
                  >
                    {t('quick.add')}
                  </Button>
                </div>
              }
            >
              {plan.quickActions.length > 0 ? (
                <ActionList actions={plan.quickActions} personId={plan.person.id} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('quick.empty')}
                </Text>
              )}
            </Section>
            <Section
              id="bewijs-titel"
              title={t('evidence.title')}
              intro={t('evidence.intro')}
              action={
                <div>
                  <Button
                    size="sm"
                    variant="light"
                    leftSection={<IconPaperclip size={16} aria-hidden />}
                    onClick={() => setModal('evidence')}
                  >
                    {t('evidence.add')}
                  </Button>
                </div>
              }
            >
              {plan.evidence.length > 0 ? (
                <EvidenceList items={plan.evidence} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('evidence.empty')}
                </Text>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {modal === 'goal' ? <GoalModal opened onClose={close} /> : null}
      {modal === 'quick' ? <ActionModal opened onClose={close} goalId={null} /> : null}
      {modal === 'evidence' ? <EvidenceModal opened onClose={close} goals={plan.goals} goalId={null} /> : null}
    </Page>
  );
}
