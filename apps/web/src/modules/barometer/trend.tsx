import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BarometerTrend } from '@groeipad/contracts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { formatMean, formatShortDay, useQuestionText } from './labels.ts';

const COLORS = [
  'groei.7',
  'blue.7',
  'orange.7',
  'grape.7',
  'teal.7',
  'red.7',
  'indigo.7',
  'lime.8',
  'cyan.8',
  'pink.7',
];

/** The means per question over the rounds as lines; aria-hidden, because the table beside it says the same. */
export function TrendChart({
  trend,
  height = 240,
  legend = true,
}: {
  trend: BarometerTrend;
  height?: number;
  legend?: boolean;
}) {
  const { t } = useTranslation('barometer');
  const questionText = useQuestionText();
  if (trend.points.length === 0) return null;
  const data = trend.points.map((p) => ({
    day: formatShortDay(p.closesOn),
    ...Object.fromEntries(trend.questions.map((q) => [q.id, p.means[q.id] ?? null])),
  }));
  return (
    // On a phone the lines and their long labels do not fit; the table below carries the same numbers.
    <Box aria-hidden="true" title={t('trend.chartLabel')} visibleFrom="sm">
      <LineChart
        h={height}
        data={data}
        dataKey="day"
        series={trend.questions.map((q, i) => ({
          name: q.id,
          label: questionText(q),
          color: COLORS[i % COLORS.length]!,
        }))}
        yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5] }}
        valueFormatter={(v) => formatMean(v)}
        curveType="linear"
        connectNulls={false}
        withLegend={legend}
        legendProps={{ verticalAlign: 'bottom' }}
        withTooltip={false}
        accessibilityLayer={false}
        textColor="gray.8"
      />
    </Box>
  );
}

/** The same numbers as a table: one row per question, one column per round. */
export function TrendTable({ trend }: { trend: BarometerTrend }) {
  const { t } = useTranslation('barometer');
  const questionText = useQuestionText();
  if (trend.points.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('trend.none')}
      </Text>
    );
  }
  return (
    <ScrollRegion label={t('trend.caption')}>
      <Table striped withTableBorder fz="sm" miw={360}>
        <Table.Caption>{t('trend.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('trend.question')}</Table.Th>
            {trend.points.map((p) => (
              <Table.Th key={p.roundId} scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatShortDay(p.closesOn)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.questions.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Th scope="row" fw={400}>
                {questionText(q)}
              </Table.Th>
              {trend.points.map((p) => {
                const mean = p.means[q.id];
                return (
                  <Table.Td key={p.roundId} ta="right">
                    {mean == null ? (
                      <Text span size="xs" c="dimmed">
                        {t('trend.withheld')}
                      </Text>
                    ) : (
                      formatMean(mean)
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
