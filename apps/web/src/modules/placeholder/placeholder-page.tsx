import { Blockquote } from '@mantine/core';
import { IconBuildingCommunity, IconMessages, IconPlant2, IconSchool, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../ui/empty.tsx';
import { Page } from '../../ui/page.tsx';

export type PlaceholderArea = 'ontwikkeling' | 'team' | 'gesprekken' | 'school' | 'netwerken';

const ICONS = {
  ontwikkeling: IconPlant2,
  team: IconUsersGroup,
  gesprekken: IconMessages,
  school: IconSchool,
  netwerken: IconBuildingCommunity,
} as const;

/** An area that later work fills: says what will come here and why, instead of a broken page. */
export function PlaceholderPage({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation();
  const Icon = ICONS[area];
  return (
    <Page title={t(`nav.${area}`)} description={t(`areas.${area}.intro`)}>
      <Empty
        icon={<Icon size={28} aria-hidden />}
        title={t('areas.comingTitle')}
        description={t(`areas.${area}.coming`)}
      >
        <Blockquote color="groei" p="sm" ta="left" fz="sm" maw={560} cite={t('areas.practiceCite')}>
          {t(`areas.${area}.practice`)}
        </Blockquote>
      </Empty>
    </Page>
  );
}
