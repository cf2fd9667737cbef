import { useEffect, useRef } from 'react';
import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Longer than the modal's closing transition (200 ms), so Mantine's own focus return goes first.
const AFTER_CLOSE_MS = 260;

/** Whether focus went nowhere: the body, or an element that left the page with the dialog. */
const focusIsLost = () => {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
};

/** Focus to the element that opened the dialog when it is still there and enabled; else the page's heading. */
function focusBack(opener: { current: HTMLElement | null }) {
  const el = opener.current;
  opener.current = null;
  if (!focusIsLost()) return;
  if (el?.isConnected && !el.matches(':disabled')) el.focus({ preventScroll: true });
  else document.querySelector<HTMLElement>('main h1[tabindex="-1"]')?.focus({ preventScroll: true });
}

/**
 * Mantine returns focus only when `opened` changes, so a dialog that is mounted open and then removed, or
 * whose button went away with the change it made (a held conversation has no 'held' button), left focus on
 * the body. This puts it back, after Mantine had its turn. Mantine's focus trap moves into the dialog in a
 * timeout, so the effect still sees the opening element.
 */
function useFocusBack(opened: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (opened) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      return;
    }
    if (!opener.current) return;
    const timer = window.setTimeout(() => focusBack(opener), AFTER_CLOSE_MS);
    return () => window.clearTimeout(timer);
  }, [opened]);
  // Removed while open: its content leaves at once.
  useEffect(
    () => () => {
      if (opener.current) window.setTimeout(() => focusBack(opener), 0);
    },
    [],
  );
}

/** Mantine's Modal with a named close button (the plain one is an unnamed icon), and focus that comes back. */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  useFocusBack(props.opened);
  return <Modal {...props} closeButtonProps={{ 'aria-label': t('actions.close'), ...props.closeButtonProps }} />;
}
