import { useState } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FeedbackTemplateKey } from '@groeipad/contracts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { QuestionnaireStatusBadge } from './questionnaire-editor.tsx';
import { useGroupLabel } from './labels.ts';
import { useCreateQuestionnaire, useQuestionnaires } from './queries.ts';

/** School leaders' list of 360° questionnaires, and new ones from a ready template or from scratch. */
export default function QuestionnairesPage() {
  const { t } = useTranslation('feedback');
  const navigate = useNavigate();
  const groupLabel = useGroupLabel();
  const query = useQuestionnaires('all');
  const create = useCreateQuestionnaire();
  const [schoolId, setSchoolId] = useState<string | null>(null);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Page title={t('builder.listTitle')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const data = query.data;
  const school = schoolId ?? data.manageableSchools[0]?.id ?? null;
  const start = (templateKey?: FeedbackTemplateKey) =>
    school &&
    create.mutate(
      { schoolId: school, ...(templateKey ? { templateKey } : {}) },
      { onSuccess: (q) => void navigate(`/school/vragenlijsten/${q.id}`) },
    );

  return (
    <Page title={t('builder.listTitle')} description={t('builder.listIntro')}>
      {data.items.length === 0 ? (
        <Empty
          icon={<IconClipboardList aria-hidden />}
          title={t('builder.emptyTitle')}
          description={t('builder.emptyText')}
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((q) => (
            <Card key={q.id} withBorder radius="md" component="li" p="md">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                  <Text component={Link} to={`/school/vragenlijsten/${q.id}`} fw={650} c="groei.8" td="underline">
                    {q.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {q.schoolName} · {t('builder.itemCount', { count: q.items })} ·{' '}
                    {q.raterGroups.map(groupLabel).join(', ')}
                  </Text>
                </Stack>
                <QuestionnaireStatusBadge status={q.status} />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {data.manageableSchools.length > 0 ? (
        <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="new-title">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="new-title">
              {t('builder.newTitle')}
            </Title>
            {data.manageableSchools.length > 1 ? (
              <Select
                label={t('builder.school')}
                data={data.manageableSchools.map((s) => ({ value: s.id, label: s.name }))}
                value={school}
                onChange={setSchoolId}
                allowDeselect={false}
                maw={360}
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {data.templates.map((tpl) => (
                <Card key={tpl.key} withBorder radius="md" p="md">
                  <Stack gap="xs" h="100%" justify="space-between">
                    <div>
                      <Text fw={650}>{tpl.name}</Text>
                      <Text size="sm" c="dimmed">
                        {tpl.description}
                      </Text>
                      <Badge variant="light" mt={6}>
                        {t('builder.itemCount', { count: tpl.items })}
                      </Badge>
                    </div>
                    <Button
                      variant="light"
                      onClick={() => start(tpl.key)}
                      loading={create.isPending && create.variables.templateKey === tpl.key}
                    >
                      {t('builder.useTemplate')}
                    </Button>
                  </Stack>
                </Card>
              ))}
              <Card withBorder radius="md" p="md">
                <Stack gap="xs" h="100%" justify="space-between">
                  <div>
                    <Text fw={650}>{t('builder.blankTitle')}</Text>
                    <Text size="sm" c="dimmed">
                      {t('builder.blankText')}
                    </Text>
                  </div>
                  <Button variant="default" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => start()}>
                    {t('builder.blank')}
                  </Button>
                </Stack>
              </Card>
            </SimpleGrid>
            <FormError error={create.error} />
          </Stack>
        </Card>
      ) : null}
    </Page>
  );
}
