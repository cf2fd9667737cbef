import { useEffect, useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (ms: number) => {
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
};

/**
 * The session's minutes counting down from its start. Time is the server's (the board read says what time it was
 * there), so every screen in the room shows the same.
 */
export function SessionTimer({
  startedAt,
  minutes,
  clockOffsetMs,
}: {
  startedAt: string;
  minutes: number;
  clockOffsetMs: number;
}) {
  const { t } = useTranslation('team');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(startedAt) + minutes * 60_000 - (now + clockOffsetMs);
  const over = left < 0;
  return (
    <Stack gap={0} align="flex-end">
      <Text
        role="timer"
        aria-label={
          over ? t('session.overLabel', { time: clock(left) }) : t('session.leftLabel', { time: clock(left) })
        }
        fw={800}
        style={{
          fontSize: '3.2em',
          lineHeight: 1,
          fontVariantNumeric: 'tabular-nums',
          color: over ? '#ffb4a8' : '#ffffff',
        }}
      >
        {over ? `+${clock(left)}` : clock(left)}
      </Text>
      <Text fw={600} style={{ color: over ? '#ffb4a8' : '#d7e3dd' }}>
        {over ? t('session.over') : t('session.left', { count: minutes })}
      </Text>
    </Stack>
  );
}
