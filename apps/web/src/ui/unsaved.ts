import { useEffect } from 'react';

/**
 * While `dirty`, closing or reloading the tab asks the browser's own "leave site?" question, so unsaved edits are
 * not lost by accident. (The browser shows its own text; pages say "not saved yet" themselves.)
 */
export function useWarnBeforeLeaving(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
