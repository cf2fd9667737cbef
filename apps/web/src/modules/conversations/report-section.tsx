import { useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ConversationDetail } from '@groeipad/contracts';
import { useTranslation } from 'react-i18next';
import { Section } from './parts.tsx';
import { pdfUrl } from './queries.ts';
import { ManagerEditor } from './report-editor.tsx';
import { CorrectionButton, Signatures } from './report-signatures.tsx';
import { EmployeeView, ReportView } from './report-view.tsx';

type Props = { c: ConversationDetail };

export function ReportSection({ c }: Props) {
  const { t } = useTranslation('conversations');
  // Which save made the current version, so the fresh form can say it saved (see SavedNote).
  const [saved, setSaved] = useState<{ by: 'report' | 'view'; version: number } | null>(null);
  const report = c.report;
  const justSaved = (by: 'report' | 'view') => saved?.by === by && saved.version === report?.version;
  const older = c.revisions.filter((r) => r.id !== report?.id);
  const superseded = report?.supersedesId ? c.revisions.find((r) => r.id === report.supersedesId) : undefined;
  const title = report
    ? `${t('report.title')} · ${t('report.revision', { revision: report.revision })}`
    : t('report.title');
  return (
    <Section id="report" title={title}>
      {superseded && report?.correctionReason ? (
        <Alert variant="light" color="blue">
          {t('report.correctionOf', { revision: superseded.revision, reason: report.correctionReason })}
        </Alert>
      ) : null}
      {!report && !c.abilities.writeReport ? (
        <Text size="sm" c="dimmed">
          {t('report.notYet')}
        </Text>
      ) : null}
      {c.abilities.writeReport ? (
        <ManagerEditor
          key={report?.version ?? 0}
          c={c}
          justSaved={justSaved('report')}
          onSaved={(version) => setSaved({ by: 'report', version })}
        />
      ) : report ? (
        <ReportView report={report} c={c} />
      ) : null}
      {report ? (
        <>
          <EmployeeView
            key={`view-${report.version}`}
            c={c}
            report={report}
            justSaved={justSaved('view')}
            onSaved={(version) => setSaved({ by: 'view', version })}
          />
          <Signatures key={`sign-${report.version}`} c={c} report={report} />
          <Group gap="sm">
            {c.abilities.downloadPdf ? (
              <Button
                component="a"
                href={pdfUrl(c.id)}
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t('detail.pdf')}
              </Button>
            ) : null}
            {c.abilities.requestCorrection ? <CorrectionButton c={c} /> : null}
          </Group>
          {older.length > 0 ? (
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t('report.olderVersions')}
              </Text>
              {older.map((r) => (
                <Anchor key={r.id} href={pdfUrl(c.id, r.revision)} size="sm">
                  {t('detail.pdfRevision', { revision: r.revision })}
                </Anchor>
              ))}
            </Stack>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
