import { useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Card,
  Group,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMailForward, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackRoundDetail, RaterGroup } from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { FormError } from '../../ui/query-state.tsx';
import { useGroupLabel } from './labels.ts';
import { useColleagues, useInvite } from './queries.ts';

/** Ask colleagues (by name, from the board) or outsiders (name and e-mail) for feedback. */
export function InvitePanel({ round }: { round: FeedbackRoundDetail }) {
  const { t } = useTranslation('feedback');
  const groupLabel = useGroupLabel();
  const invite = useInvite(round.id);
  const groups = round.instrument.raterGroups.filter((g) => g !== 'self');
  const [mode, setMode] = useState<'colleague' | 'outsider'>('colleague');
  const [group, setGroup] = useState<RaterGroup | null>(groups.includes('collega') ? 'collega' : (groups[0] ?? null));
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  // Checked here before sending, as the form does not use the browser's own (English) bubbles.
  const [emailProblem, setEmailProblem] = useState<string | null>(null);
  const [personProblem, setPersonProblem] = useState<string | null>(null);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const colleagues = useColleagues(search);
  // On a phone the two long choices sit under each other instead of being cut off.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  // After an invitation the next one starts where the last began.
  const personField = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const errors = isApiError(invite.error) ? invite.error.fieldErrors() : {};
  const personError = personProblem ?? errors['invitees.0.personId'];
  const emailError = emailProblem ?? errors['invitees.0.email'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!group) return;
    if (mode === 'colleague' && !personId) {
      invite.reset();
      setPersonProblem(t('invite.personRequired'));
      return;
    }
    if (mode === 'outsider' && !name.trim()) {
      invite.reset();
      setNameProblem(t('invite.nameRequired'));
      return;
    }
    if (mode === 'outsider' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      invite.reset();
      setEmailProblem(t('invite.emailInvalid'));
      return;
    }
    const invitee = mode === 'colleague' ? (personId ? { personId } : null) : { name, email };
    if (!invitee) return;
    invite.mutate(
      { invitees: [invitee], raterGroup: group },
      {
        onSuccess: () => {
          setPersonId(null);
          setSearch('');
          setName('');
          setEmail('');
          (mode === 'colleague' ? personField : nameField).current?.focus();
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="invite-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="invite-title">
            {t('invite.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('invite.intro', { min: round.minGroupSize })}
          </Text>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v)}
            orientation={narrow ? 'vertical' : 'horizontal'}
            fullWidth
            data={[
              { value: 'colleague', label: t('invite.colleague') },
              { value: 'outsider', label: t('invite.outsider') },
            ]}
            aria-label={t('invite.who')}
          />
          <Select
            label={t('invite.group')}
            data={groups.map((g) => ({ value: g, label: groupLabel(g) }))}
            value={group}
            onChange={(v) => setGroup(v)}
            required
            maw={320}
            error={errors.raterGroup}
            allowDeselect={false}
          />
          {mode === 'colleague' ? (
            <Select
              ref={personField}
              label={t('invite.person')}
              description={t('invite.personHint')}
              placeholder={t('invite.personPlaceholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={(colleagues.data?.items ?? []).map((c) => ({
                value: c.id,
                label: c.jobTitle ? `${c.displayName} · ${c.jobTitle}` : c.displayName,
              }))}
              value={personId}
              onChange={(v) => {
                setPersonId(v);
                setPersonProblem(null);
              }}
              filter={({ options }) => options}
              nothingFoundMessage={search.trim().length >= 2 ? t('invite.noColleagues') : t('invite.typeMore')}
              error={personError}
              required
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                ref={nameField}
                label={t('invite.name')}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setNameProblem(null);
                }}
                required
                maxLength={200}
                error={nameProblem ?? errors['invitees.0.name']}
              />
              <TextInput
                type="email"
                label={t('invite.email')}
                value={email}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                  setEmailProblem(null);
                }}
                required
                error={emailError}
              />
            </SimpleGrid>
          )}
          <FormError error={personError || emailError || nameProblem || errors.raterGroup ? null : invite.error} />
          <Group>
            <Button
              type="submit"
              loading={invite.isPending}
              leftSection={
                mode === 'colleague' ? (
                  <IconUserPlus size={18} aria-hidden />
                ) : (
                  <IconMailForward size={18} aria-hidden />
                )
              }
            >
              {t('invite.submit')}
            </Button>
            {invite.isSuccess ? (
              <Text size="sm" c="groei.8" role="status">
                {t('invite.sent')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
