import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { QuestionnaireStatus } from '@groeipad/contracts';
import { Page } from '../../ui/page.tsx';
import { PageLoader, QueryError } from '../../ui/query-state.tsx';
import { Editor } from './builder-editor.tsx';
import { useQuestionnaire } from './queries.ts';

export function QuestionnaireStatusBadge({ status }: { status: QuestionnaireStatus }) {
  const { t } = useTranslation('feedback');
  const color = status === 'published' ? 'groei' : status === 'draft' ? 'blue' : 'gray';
  return (
    <Badge variant="light" color={color}>
      {t(`questionnaireStatus.${status}`)}
    </Badge>
  );
}

/** The questionnaire builder: sections, statements, scale, rater groups, preview and publish. */
export default function QuestionnaireEditorPage() {
  const { t } = useTranslation('feedback');
  const { id = '' } = useParams();
  const query = useQuestionnaire(id);
  const q = query.data;
  // A failed background refetch keeps the data (and the editor with its edits) on screen.
  if (!q) {
    if (!query.isError) return <PageLoader />;
    return (
      <Page title={t('builder.listTitle')}>
        <QueryError error={query.error} />
      </Page>
    );
  }
  return (
    <Page
      title={q.name}
      description={
        <Group gap="sm">
          <QuestionnaireStatusBadge status={q.status} />
          <Text size="sm" c="dimmed">
            {q.schoolName}
          </Text>
        </Group>
      }
    >
      <Anchor component={Link} to="/school/vragenlijsten" size="sm">
        {t('builder.back')}
      </Anchor>
      {q.status === 'published' ? (
        <Text size="sm" c="dimmed">
          {t('builder.publishedNote')}
        </Text>
      ) : null}
      {/* Not keyed on the version: a newer version must not wipe edits in progress (the editor offers it). */}
      <Editor key={q.id} q={q} />
    </Page>
  );
}
