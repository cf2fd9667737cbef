import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TeamForm, TeamFormPurpose } from '@groeipad/contracts';
import { TEAM_FORM_PURPOSES } from '@groeipad/contracts';
import { BackLink } from '../../ui/back-link.tsx';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { saved } from '../team/form-parts.tsx';
import { useArchiveForm, useFormExamples, useTeamForms } from './queries.ts';

/** /team/:teamId/formulieren: the team's kijkwijzers and preparation forms, and where to build a new one. */
export default function FormsPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation('visits');
  const query = useTeamForms(teamId);
  const [archiving, setArchiving] = useState<TeamForm | null>(null);
  const archive = useArchiveForm(teamId);

  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Page title={t('forms.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  const { items, abilities } = query.data;
  return (
    <Page title={t('forms.title')} description={t('forms.intro')}>
      <BackLink to={`/team/${teamId}`}>{t('backToBoard')}</BackLink>
      {abilities.edit ? <NewForm teamId={teamId} /> : null}
      {TEAM_FORM_PURPOSES.map((purpose) => {
        const forms = items.filter((f) => f.purpose === purpose);
        const headingId = `forms-${purpose}`;
        return (
          <Stack key={purpose} gap="sm" component="section" aria-labelledby={headingId}>
            <Title order={2} fz="lg" id={headingId}>
              {t(`purpose.${purpose}`)}
            </Title>
            {forms.length === 0 ? (
              <Empty
                order={3}
                icon={<IconClipboardList size={28} aria-hidden />}
                title={t('forms.emptyTitle')}
                description={t(`purpose.${purpose}Hint`)}
              />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {forms.map((form) => (
                  <Card
                    key={form.id}
                    withBorder
                    radius="md"
                    p="md"
                    component="article"
                    aria-labelledby={`f-${form.id}`}
                  >
                    <Stack gap={6}>
                      <Title order={3} fz="md" id={`f-${form.id}`}>
                        <Anchor component={Link} to={`/team/${teamId}/formulieren/${form.id}`} inherit>
                          {form.title}
                        </Anchor>
                      </Title>
                      {form.description ? (
                        <Text size="sm" c="dimmed" lineClamp={3}>
                          {form.description}
                        </Text>
                      ) : null}
                      <Group gap="xs" justify="space-between">
                        <Badge variant="light" color="gray" tt="none">
                          {t('forms.questions', {
                            count: form.fields.filter((f) => f.kind !== 'heading').length,
                          })}
                        </Badge>
                        {abilities.edit ? (
                          <Button
                            size="xs"
                            variant="default"
                            leftSection={<IconArchive size={14} aria-hidden />}
                            onClick={() => setArchiving(form)}
                            aria-label={t('forms.archiveNamed', { title: form.title })}
                          >
                            {t('forms.archive')}
                          </Button>
                        ) : null}
                      </Group>
                    </Stack>
                  </Card>
                ))}
              </SimpleGrid>
            )}
          </Stack>
        );
      })}
      <ConfirmModal
        opened={archiving !== null}
        title={t('forms.archiveTitle')}
        confirmLabel={t('forms.archive')}
        loading={archive.isPending}
        error={archive.error}
        onClose={() => {
          archive.reset();
          setArchiving(null);
        }}
        onConfirm={() =>
          archiving &&
          archive.mutate(
            { id: archiving.id, version: archiving.version },
            {
              onSuccess: () => {
                setArchiving(null);
                saved(t('forms.archived'));
              },
            },
          )
        }
      >
        {t('forms.archiveText', { title: archiving?.title ?? '' })}
      </ConfirmModal>
    </Page>
  );
}

/** A new, empty form, or one that begins from a starting form. */
function NewForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation('visits');
  const navigate = useNavigate();
  const examples = useFormExamples(teamId);
  const [example, setExample] = useState('');
  const [purpose, setPurpose] = useState<TeamFormPurpose>('visit');
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="new-form">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="new-form">
          {t('forms.newTitle')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('forms.fromExample')}
            value={example}
            onChange={(e) => setExample(e.currentTarget.value)}
            data={[
              { value: '', label: t('forms.pickExample') },
              ...(examples.data?.items ?? []).map((e) => ({
                value: e.key,
                label: `${e.title} (${t(`purpose.${e.purpose}Short`)})`,
              })),
            ]}
            w={{ base: '100%', sm: 360 }}
          />
          <Button
            variant="default"
            disabled={!example}
            onClick={() => void navigate(`/team/${teamId}/formulieren/nieuw?voorbeeld=${example}`)}
          >
            {t('forms.useExample')}
          </Button>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('forms.purposeLabel')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value as TeamFormPurpose)}
            data={TEAM_FORM_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
            w={{ base: '100%', sm: 360 }}
          />
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => void navigate(`/team/${teamId}/formulieren/nieuw?doel=${purpose}`)}
          >
            {t('forms.empty')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
