import type { ReactNode } from 'react';
import { ScrollArea } from '@mantine/core';

type ScrollRegionProps = {
  /** Names the region for screen readers, e.g. "Voorbeeldregels uit het bestand". */
  label: string;
  children: ReactNode;
  /** Scroll vertically up to this height (px); without it the region only scrolls sideways. */
  maxHeight?: number;
};

/**
 * A scrolling area that keyboard users can reach and scroll (tab to it, then arrow keys), named for
 * screen readers: for wide tables on a phone and long lists.
 */
export function ScrollRegion({ label, children, maxHeight }: ScrollRegionProps) {
  const viewportProps = { tabIndex: 0, role: 'region', 'aria-label': label };
  if (maxHeight) {
    return (
      <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars="y" viewportProps={viewportProps}>
        {children}
      </ScrollArea.Autosize>
    );
  }
  return (
    <ScrollArea type="auto" scrollbars="x" offsetScrollbars="x" viewportProps={viewportProps}>
      {children}
    </ScrollArea>
  );
}
