import { useState, type Ref } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  ImportField,
  REQUIRED_IMPORT_FIELDS,
  type ImportMapping,
  type ImportPreview,
  type ImportUpload,
} from '@groeipad/contracts';
import { isApiError } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { errorMessage } from '../../ui/query-state.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { StepCard } from './import-ui.tsx';
import { usePreviewImport, type ImportChoice } from './queries.ts';

const NONE = '__none__';
const FIELDS = ImportField.options;

/** Client-side checks before asking the server: required fields mapped, no column used twice. */
function problemsOf(
  mapping: ImportMapping,
  label: (field: ImportField) => string,
  t: (key: 'mapping.required' | 'mapping.duplicate', o?: Record<string, string>) => string,
) {
  const problems: Partial<Record<ImportField, string>> = {};
  for (const field of REQUIRED_IMPORT_FIELDS) if (!mapping[field]) problems[field] = t('mapping.required');
  const owner = new Map<string, ImportField>();
  for (const field of FIELDS) {
    const column = mapping[field];
    if (!column) continue;
    const first = owner.get(column);
    if (first) problems[field] = t('mapping.duplicate', { field: label(first) });
    else owner.set(column, field);
  }
  return problems;
}

export function MappingStep({
  headingRef,
  upload,
  choice,
  onChange,
  onBack,
  onPreview,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  upload: ImportUpload;
  choice: ImportChoice;
  onChange: (choice: ImportChoice) => void;
  onBack: () => void;
  onPreview: (preview: ImportPreview) => void;
}) {
  const { t } = useTranslation('import');
  const { t: tc } = useTranslation();
  const preview = usePreviewImport();
  const [showProblems, setShowProblems] = useState(false);
  const { mapping, deactivateMissing } = choice;

  const fieldLabel = (field: ImportField) => t(`fields.${field}`);
  const problems = problemsOf(mapping, fieldLabel, t);
  const serverProblems = isApiError(preview.error, 'validation') ? preview.error.fieldErrors() : {};
  const errorFor = (field: ImportField) =>
    (showProblems ? problems[field] : undefined) ?? serverProblems[`mapping.${field}`];
  const fieldOfColumn = new Map<string, ImportField>();
  for (const field of FIELDS)
    if (mapping[field] && !fieldOfColumn.has(mapping[field])) fieldOfColumn.set(mapping[field], field);

  const setField = (field: ImportField, column: string | null) => {
    const next: ImportMapping = { ...mapping };
    if (column && column !== NONE) next[field] = column;
    else delete next[field];
    preview.reset();
    onChange({ mapping: next, deactivateMissing });
  };

  const example = (column: string | undefined) => {
    if (!column) return undefined;
    const index = upload.columns.indexOf(column);
    const value = upload.sample.map((row) => row[index] ?? '').find((v) => v.trim() !== '');
    return value ? t('mapping.example', { value }) : t('mapping.exampleEmpty');
  };
  const hint = (field: ImportField) =>
    field === 'role'
      ? t('mapping.roleHint')
      : field === 'manager'
        ? t('mapping.managerHint')
        : field === 'team'
          ? t('mapping.teamHint')
          : undefined;

  const submit = () => {
    setShowProblems(true);
    if (Object.keys(problems).length > 0) return;
    preview.mutate({ id: upload.id, choice }, { onSuccess: onPreview });
  };

  const columnOptions = upload.columns.map((c) => ({ value: c, label: c }));
  const blockingProblems = showProblems && Object.keys(problems).length > 0;
  const otherError =
    preview.error &&
    !(isApiError(preview.error, 'validation') && Object.keys(serverProblems).some((k) => k.startsWith('mapping.')))
      ? preview.error
      : null;

  return (
    <StepCard
      headingRef={headingRef}
      title={t('mapping.title')}
      intro={t('mapping.intro', { filename: upload.filename })}
    >
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing="md"
        verticalSpacing="md"
        role="group"
        aria-label={t('mapping.fieldsLabel')}
      >
        {FIELDS.map((field) => {
          const required = REQUIRED_IMPORT_FIELDS.includes(field);
          const column = mapping[field];
          const description = [example(column), hint(field)].filter(Boolean).join(' · ');
          return (
            <Select
              key={field}
              label={fieldLabel(field)}
              required={required}
              placeholder={t('mapping.choose')}
              data={required ? columnOptions : [{ value: NONE, label: t('mapping.notUsed') }, ...columnOptions]}
              value={column ?? (required ? null : NONE)}
              onChange={(v) => setField(field, v)}
              allowDeselect={false}
              searchable={upload.columns.length > 12}
              description={description || undefined}
              error={errorFor(field)}
              comboboxProps={{ withinPortal: true }}
            />
          );
        })}
      </SimpleGrid>

      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('mapping.sampleTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mapping.sampleIntro', {
            count: upload.rowCount,
            shown: upload.sample.length,
            formatted: formatNumber(upload.rowCount),
          })}
        </Text>
        <ScrollRegion label={t('mapping.sampleCaption')}>
          <Table
            withTableBorder
            withColumnBorders
            verticalSpacing={6}
            fz="sm"
            style={{ whiteSpace: 'nowrap' }}
            aria-label={t('mapping.sampleCaption')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mapping.line')}</Table.Th>
                {upload.columns.map((c) => {
                  const field = fieldOfColumn.get(c);
                  return (
                    <Table.Th key={c} scope="col">
                      <Stack gap={4}>
                        <span>{c}</span>
                        {field ? (
                          <Badge size="sm" variant="light" color="groei" tt="none" miw="max-content">
                            {fieldLabel(field)}
                          </Badge>
                        ) : (
                          <Text span size="xs" c="dimmed" fw={400}>
                            {t('mapping.notMapped')}
                          </Text>
                        )}
                      </Stack>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {upload.sample.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Td c="dimmed">{i + 2}</Table.Td>
                  {upload.columns.map((c, j) => (
                    <Table.Td key={c}>{row[j] ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Stack>

      <Checkbox
        label={t('mapping.deactivate')}
        description={t('mapping.deactivateHint')}
        checked={deactivateMissing}
        onChange={(e) => {
          preview.reset();
          onChange({ mapping, deactivateMissing: e.currentTarget.checked });
        }}
        styles={{ description: { maxWidth: 720 } }}
      />

      {blockingProblems ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('mapping.fixFirst')}
        </Alert>
      ) : null}
      {otherError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {errorMessage(otherError, tc('errors.generic'))}
        </Alert>
      ) : null}

      <Group justify="space-between" gap="sm">
        <Button variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={onBack}>
          {t('mapping.back')}
        </Button>
        <Button rightSection={<IconArrowRight size={18} aria-hidden />} onClick={submit} loading={preview.isPending}>
          {t('mapping.submit')}
        </Button>
      </Group>
    </StepCard>
  );
}
