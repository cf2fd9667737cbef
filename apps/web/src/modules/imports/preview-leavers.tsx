import { Checkbox, List, Text } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@groeipad/contracts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { PreviewSection } from './preview-section.tsx';

/** The people who are not in the file and would leave (uit dienst), with the box the admin must tick first. */
export function PreviewLeavers({
  preview,
  checked,
  disabled,
  onCheckedChange,
}: {
  preview: ImportPreview;
  checked: boolean;
  disabled: boolean;
  onCheckedChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation('import');
  const { summary } = preview;
  return (
    <PreviewSection
      icon={<IconUserMinus size={20} aria-hidden color="var(--mantine-color-orange-8)" />}
      title={t('preview.deactivateTitle', { count: summary.deactivate })}
      color="orange"
    >
      <Text size="sm">{t('preview.deactivateIntro')}</Text>
      {summary.deactivate > summary.people ? (
        <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
          {t('preview.deactivateMany', { people: summary.people })}
        </Text>
      ) : null}
      <ScrollRegion label={t('preview.deactivateTitle', { count: summary.deactivate })} maxHeight={220}>
        <List size="sm" spacing={2} style={{ columns: '15rem', columnGap: 'var(--mantine-spacing-xl)' }}>
          {preview.deactivated.map((p) => (
            <List.Item key={p.id}>
              {p.name}{' '}
              <Text span size="sm" c="dimmed">
                ({p.employeeNumber ?? t('preview.noEmployeeNumber')})
              </Text>
            </List.Item>
          ))}
          {summary.deactivate > preview.deactivated.length ? (
            <List.Item>
              {t('preview.deactivateMore', { count: summary.deactivate - preview.deactivated.length })}
            </List.Item>
          ) : null}
        </List>
      </ScrollRegion>
      <Checkbox
        label={t('preview.deactivateConfirm')}
        checked={checked}
        onChange={(e) => onCheckedChange(e.currentTarget.checked)}
        disabled={disabled}
      />
    </PreviewSection>
  );
}
