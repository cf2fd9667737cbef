import { Badge, Box, Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarPlus,
  IconChecklist,
  IconClipboardText,
  IconGauge,
  IconClockExclamation,
  IconEye,
  IconMessage2,
  IconPizza,
  IconPencil,
  IconSignature,
  IconTarget,
  IconUserQuestion,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeTask, HomeTaskKind } from '@groeipad/contracts';
import { currentLocale } from '../../app/i18n.ts';

const ICONS: Record<HomeTaskKind, Icon> = {
  prepare_conversation: IconClipboardText,
  write_report: IconPencil,
  sign_report: IconSignature,
  plan_conversation: IconCalendarPlus,
  give_feedback: IconMessage2,
  close_feedback_round: IconChecklist,
  open_action: IconChecklist,
  stale_goal: IconTarget,
  missing_manager: IconUserQuestion,
  fill_barometer: IconGauge,
  team_action_behind: IconClockExclamation,
  start_barometer: IconGauge,
  read_shared_visit: IconEye,
  pizza_session: IconPizza,
};

const DAY = 86_400_000;

/** Whole days from today (local) to a 'YYYY-MM-DD' date. */
function daysUntil(day: string, today: Date): number {
  const [y, m, d] = day.split('-').map(Number);
  const target = Date.UTC(y!, m! - 1, d);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / DAY);
}

function DueBadge({ dueOn }: { dueOn: string }) {
  const { t } = useTranslation('home');
  const days = daysUntil(dueOn, new Date());
  const date = new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short' }).format(
    new Date(`${dueOn}T12:00:00`),
  );
  if (days < 0)
    return (
      <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
        {t('tasks.overdue', { count: -days, date })}
      </Badge>
    );
  if (days === 0)
    return (
      <Badge color="orange" variant="light">
        {t('tasks.today')}
      </Badge>
    );
  return (
    <Badge color={days <= 3 ? 'orange' : 'gray'} variant="light">
      {t('tasks.dueIn', { count: days, date })}
    </Badge>
  );
}

/** "What needs me now": each task with what to do, when, and a link to where it is done. */
export function TaskList({ tasks }: { tasks: HomeTask[] }) {
  const { t } = useTranslation('home');
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {tasks.map((task) => {
        const Icon = ICONS[task.kind];
        return (
          <li key={task.key}>
            <Paper withBorder radius="md" p={0}>
              <UnstyledButton component={Link} to={task.href} p="sm" w="100%" display="block" className="gp-task">
                <Group wrap="nowrap" gap="sm" align="flex-start">
                  <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
                    <Icon size={20} />
                  </ThemeIcon>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={600}>
                      {t(`tasks.kinds.${task.kind}.title`, { ...task.params, returnObjects: false })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t(`tasks.kinds.${task.kind}.detail`, { ...task.params, returnObjects: false })}
                    </Text>
                    {/* On a phone the date goes under the text, so the title keeps the width to read. */}
                    {task.dueOn ? (
                      <Box hiddenFrom="sm" mt={4}>
                        <DueBadge dueOn={task.dueOn} />
                      </Box>
                    ) : null}
                  </Stack>
                  {task.dueOn ? (
                    <Box visibleFrom="sm">
                      <DueBadge dueOn={task.dueOn} />
                    </Box>
                  ) : null}
                </Group>
              </UnstyledButton>
            </Paper>
          </li>
        );
      })}
    </Stack>
  );
}
