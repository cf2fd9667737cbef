import { useEffect, useRef } from 'react';

/** Changes that arrive together (a card moved, then its neighbour) cause one refetch. */
const DEBOUNCE_MS = 100;
const MAX_RETRY_MS = 60_000;

/**
 * Follows a live stream of the API (server-sent events) and calls `onChange` when something under it changed,
 * and after a reconnect (changes may have been missed meanwhile). The browser reconnects a dropped stream by
 * itself; a refused one (the stream closed for good, e.g. after a deploy or an expired session) is retried with
 * a growing pause. `url` null follows nothing.
 */
export function useLiveTopic(url: string | null, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = 2000;
    let opened = false;
    let stopped = false;

    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), DEBOUNCE_MS);
    };
    const connect = () => {
      source = new EventSource(url);
      source.addEventListener('ready', () => {
        // The first ready needs nothing; a later one follows a reconnect, so catch up.
        if (opened) changed();
        opened = true;
        pause = 2000;
      });
      source.addEventListener('change', changed);
      source.onerror = () => {
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        source = null;
        retry = setTimeout(connect, pause);
        pause = Math.min(pause * 2, MAX_RETRY_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(retry);
      source?.close();
    };
  }, [url]);
}
