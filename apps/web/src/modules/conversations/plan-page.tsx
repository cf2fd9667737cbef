import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';
import { FormError, PageLoader, QueryError } from '../../ui/query-state.tsx';
import { usePlanConversation, usePlanOptions } from './queries.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** /gesprekken/plannen?medewerker=&soort= : plan a conversation with one of your staff. */
export default function PlanPage() {
  const { t } = useTranslation('conversations');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const options = usePlanOptions();
  const plan = usePlanConversation();
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000);
  const [employeeId, setEmployeeId] = useState<string | null>(params.get('medewerker'));
  const [kindId, setKindId] = useState<string | null>(params.get('soort'));
  const [date, setDate] = useState(localDay(inTwoWeeks));
  const [time, setTime] = useState('14:00');
  const [duration, setDuration] = useState<number>(45);
  const [location, setLocation] = useState('');
  const [prepDue, setPrepDue] = useState(localDay(new Date(inTwoWeeks.getTime() - 3 * 86_400_000)));
  // The preparation date follows the conversation date until the manager sets it themselves.
  const [prepTouched, setPrepTouched] = useState(false);
  // Set on a submit without the required choices: the button stays usable and says what is missing.
  const [missing, setMissing] = useState(false);

  if (options.isPending) return <PageLoader />;
  if (options.isError) {
    return (
      <Page title={t('plan.title')}>
        <QueryError error={options.error} onRetry={() => void options.refetch()} />
      </Page>
    );
  }
  const employees = options.data.employees;
  if (employees.length === 0) {
    return (
      <Page title={t('plan.title')}>
        <Empty
          icon={<IconUsers size={28} aria-hidden />}
          title={t('plan.noReportsTitle')}
          description={t('plan.noReportsText')}
          action={
            <Button component={Link} to="/gesprekken" variant="default">
              {t('plan.backHome')}
            </Button>
          }
        />
      </Page>
    );
  }
  const employee = employees.find((e) => e.id === employeeId);
  const kinds = employee?.kinds ?? [];
  const multipleSchools = new Set(kinds.map((k) => k.schoolName)).size > 1;
  const fieldErrors = isApiError(plan.error) ? plan.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!employeeId || !kindId) {
      setMissing(true);
      return;
    }
    // The browser's own zone: a school plans in Dutch time, and the server stores the exact moment.
    const scheduledAt = new Date(`${date}T${time}`).toISOString();
    plan.mutate(
      { employeeId, kindId, scheduledAt, durationMinutes: duration, location, preparationDueOn: prepDue || null },
      { onSuccess: (c) => void navigate(`/gesprekken/${c.id}`) },
    );
  };

  return (
    <Page title={t('plan.title')} description={t('plan.description')}>
      <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Select
              label={t('plan.employee')}
              placeholder={t('plan.employeePlaceholder')}
              data={employees.map((e) => ({ value: e.id, label: e.displayName }))}
              value={employeeId}
              onChange={(v) => {
                setEmployeeId(v);
                setKindId(null);
              }}
              searchable
              required
              error={fieldErrors.employeeId ?? (missing && !employeeId ? t('plan.employeeMissing') : undefined)}
            />
            {employee && kinds.length === 0 ? (
              <Alert color="orange" variant="light">
                {t('plan.kindNone')}
              </Alert>
            ) : (
              <Select
                label={t('plan.kind')}
                placeholder={t('plan.kindPlaceholder')}
                data={kinds.map((k) => ({
                  value: k.id,
                  label: multipleSchools ? `${k.name} (${k.schoolName})` : k.name,
                }))}
                value={kindId}
                onChange={setKindId}
                disabled={!employee}
                description={employee ? undefined : t('plan.kindAfterEmployee')}
                required
                error={fieldErrors.kindId ?? (missing && employee && !kindId ? t('plan.kindMissing') : undefined)}
              />
            )}
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <TextInput
                type="date"
                label={t('plan.date')}
                value={date}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setDate(value);
                  const day = new Date(`${value}T12:00`);
                  if (!prepTouched && !Number.isNaN(day.getTime()))
                    setPrepDue(localDay(new Date(day.getTime() - 3 * 86_400_000)));
                }}
                required
                error={fieldErrors.scheduledAt}
              />
              <TextInput
                type="time"
                label={t('plan.time')}
                value={time}
                onChange={(e) => setTime(e.currentTarget.value)}
                required
              />
              <NumberInput
                label={t('plan.duration')}
                value={duration}
                onChange={(v) => setDuration(Number(v) || 45)}
                min={10}
                max={480}
                step={15}
                error={fieldErrors.durationMinutes}
              />
            </SimpleGrid>
            <TextInput
              label={t('plan.location')}
              placeholder={t('plan.locationPlaceholder')}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              maxLength={300}
              error={fieldErrors.location}
            />
            <TextInput
              type="date"
              label={t('plan.preparationDueOn')}
              description={t('plan.preparationHelp')}
              value={prepDue}
              onChange={(e) => {
                setPrepTouched(true);
                setPrepDue(e.currentTarget.value);
              }}
              error={fieldErrors.preparationDueOn}
              maw={260}
            />
            <FormError error={Object.keys(fieldErrors).length ? null : plan.error} />
            <Group>
              <Button
                type="submit"
                loading={plan.isPending}
                disabled={Boolean(employee && kinds.length === 0)}
                leftSection={<IconCalendarPlus size={18} aria-hidden />}
              >
                {t('plan.submit')}
              </Button>
              <Button component={Link} to="/gesprekken" variant="default">
                {t('plan.backHome')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Page>
  );
}
