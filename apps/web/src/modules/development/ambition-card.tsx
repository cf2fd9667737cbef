import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { useMyPlan, useSaveAmbition } from './queries.ts';

/** The owner's ambition in their own words; a stale save keeps the typed text and offers the latest version. */
export function AmbitionCard({ ambition, version }: { ambition: string; version: number }) {
  const { t } = useTranslation('development');
  const { t: tc } = useTranslation();
  const save = useSaveAmbition();
  const plan = useMyPlan();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(ambition);
  const [base, setBase] = useState(version);
  const conflict = isApiError(save.error, 'conflict');

  const start = () => {
    setText(ambition);
    setBase(version);
    setEditing(true);
  };
  const reload = async () => {
    const fresh = await plan.refetch();
    if (fresh.data) setBase(fresh.data.plan.version);
    save.reset();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      { ambition: text, version: base },
      {
        onSuccess: (saved) => {
          setBase(saved.version);
          setEditing(false);
          notifications.show({
            color: 'groei',
            icon: <IconCheck size={18} aria-hidden />,
            message: t('ambition.saved'),
          });
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="ambitie-titel">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg" id="ambitie-titel">
            {t('ambition.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('ambition.intro')}
          </Text>
        </div>
        {editing ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {conflict ? (
                <Alert color="red" variant="light" role="alert">
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{t('ambition.conflict')}</Text>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRefresh size={16} aria-hidden />}
                      onClick={() => void reload()}
                      loading={plan.isFetching}
                    >
                      {t('ambition.reload')}
                    </Button>
                  </Stack>
                </Alert>
              ) : (
                <FormError error={save.error} />
              )}
              <Textarea
                label={t('ambition.label')}
                placeholder={t('ambition.placeholder')}
                autosize
                minRows={3}
                maxLength={4000}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={isApiError(save.error, 'validation') ? save.error.fieldErrors().ambition : undefined}
                data-autofocus
              />
              <Group gap="sm" justify="flex-end">
                <Button
                  variant="default"
                  onClick={() => {
                    save.reset();
                    setEditing(false);
                  }}
                >
                  {tc('actions.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {tc('actions.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : ambition ? (
          <Stack gap="xs" align="flex-start">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{ambition}</Text>
            <Button size="xs" variant="subtle" leftSection={<IconPencil size={16} aria-hidden />} onClick={start}>
              {tc('actions.edit')}
            </Button>
          </Stack>
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="dimmed">
              {t('ambition.empty')}
            </Text>
            <Button size="sm" variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={start}>
              {t('ambition.write')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
