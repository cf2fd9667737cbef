import { Badge, List, SimpleGrid, Table, Text } from '@mantine/core';
import { IconBuildingPlus, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportSummary } from '@groeipad/contracts';
import { formatNumber } from '../../ui/format.ts';
import { roleLabel } from '../../ui/roles.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { ImportStats } from './import-ui.tsx';
import { PreviewSection } from './preview-section.tsx';

/** How many schools and teams the import would add. */
export function countNewPlaces(summary: ImportSummary): number {
  return summary.newSchools.length + summary.newTeams.length;
}

/** The stat cards and the one-line summary of what the import would do. */
export function PreviewStats({ summary, deactivateChosen }: { summary: ImportSummary; deactivateChosen: boolean }) {
  const { t } = useTranslation('import');
  return (
    <>
      <ImportStats summary={summary} deactivateChosen={deactivateChosen} />
      <Text fw={600} role="status">
        {t('preview.summary', {
          create: formatNumber(summary.create),
          update: formatNumber(summary.update),
          unchanged: formatNumber(summary.unchanged),
        })}
      </Text>
    </>
  );
}

/** The schools and teams the import would add, and the roles it derives from job titles. */
export function PreviewPlaces({
  summary,
  derivedRoles,
}: {
  summary: ImportSummary;
  derivedRoles: ImportPreview['derivedRoles'];
}) {
  const { t } = useTranslation('import');
  const derived = Object.entries(derivedRoles).sort(([a], [b]) => a.localeCompare(b));
  const newPlaces = countNewPlaces(summary);
  return newPlaces > 0 || derived.length > 0 ? (
    <SimpleGrid cols={{ base: 1, md: newPlaces > 0 && derived.length > 0 ? 2 : 1 }} spacing="md">
      {newPlaces > 0 ? (
        <PreviewSection icon={<IconBuildingPlus size={20} aria-hidden />} title={t('preview.newPlacesTitle')}>
          <Text size="sm" c="dimmed">
            {t('preview.newPlacesIntro')}
          </Text>
          {summary.newSchools.length > 0 ? (
            <div>
              <Text size="sm" fw={600}>
                {t('preview.newSchools')}
              </Text>
              <List size="sm">
                {summary.newSchools.map((s) => (
                  <List.Item key={s}>{s}</List.Item>
                ))}
              </List>
            </div>
          ) : null}
          {summary.newTeams.length > 0 ? (
            <div>
              <Text size="sm" fw={600}>
                {t('preview.newTeams')}
              </Text>
              <List size="sm">
                {summary.newTeams.map((s) => (
                  <List.Item key={s}>{s}</List.Item>
                ))}
              </List>
            </div>
          ) : null}
        </PreviewSection>
      ) : null}
      {derived.length > 0 ? (
        <PreviewSection icon={<IconWand size={20} aria-hidden />} title={t('preview.derivedTitle')}>
          <Text size="sm" c="dimmed">
            {t('preview.derivedIntro')}
          </Text>
          <ScrollRegion label={t('preview.derivedTitle')} maxHeight={260}>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('preview.derivedJob')}</Table.Th>
                  <Table.Th scope="col">{t('preview.derivedRole')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {derived.map(([job, role]) => (
                  <Table.Tr key={job}>
                    <Table.Td>{job}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="groei" tt="none" miw="max-content">
                        {roleLabel(role)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </PreviewSection>
      ) : null}
    </SimpleGrid>
  ) : null;
}
