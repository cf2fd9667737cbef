// The live fan-out: many open team boards (server-sent event streams of one team) and one change at a time, timed
// from sending the change until each open board has heard of it. Run by run.ts after the request scenarios.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export type FanoutResult = {
  streams: number;
  changes: number;
  /** Deliveries measured (streams × changes, less missed ones). */
  deliveries: number;
  /** A stream that did not hear of a change within the time limit. */
  missed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
};

/** How long a change may take to reach every stream before the stragglers count as missed. */
const DELIVERY_LIMIT_MS = 5000;

type Stream = { changes: number[]; ready: boolean; request: http.ClientRequest };

/** Opens one event stream and records the moment of every `change` event on it. */
function openStream(url: string, cookie: string, agent: http.Agent, onEvent: () => void): Stream {
  const stream: Stream = { changes: [], ready: false, request: null as unknown as http.ClientRequest };
  let buffer = '';
  stream.request = http.get(url, { agent, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      // Events end with a blank line; keep an incomplete one for the next chunk.
      const events = buffer.split('\n\n');
      buffer = events.pop() ?? '';
      for (const e of events) {
        if (e.includes('event: ready')) stream.ready = true;
        else if (e.includes('event: change')) stream.changes.push(performance.now());
      }
      onEvent();
    });
  });
  stream.request.on('error', () => {});
  return stream;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * Opens `streams` boards of the team, then makes `changes` changes one after another (a new success on the board,
 * through the real route as a member), `gapMs` apart, and times each delivery.
 */
export async function measureFanout(opts: {
  appUrl: string;
  teamId: string;
  cookie: string;
  streams: number;
  changes: number;
  gapMs: number;
}): Promise<FanoutResult> {
  const me = await fetch(`${opts.appUrl}/api/me`, { headers: { cookie: opts.cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let wake = () => {};
  const streams = Array.from({ length: opts.streams }, () =>
    openStream(`${opts.appUrl}/api/teams/${opts.teamId}/board/events`, opts.cookie, agent, () => wake()),
  );
  const waitFor = async (done: () => boolean, limitMs: number) => {
    const until = performance.now() + limitMs;
    while (!done() && performance.now() < until) {
      await Promise.race([new Promise<void>((r) => (wake = r)), sleep(50)]);
    }
    return done();
  };
  try {
    if (!(await waitFor(() => streams.every((s) => s.ready), 30_000))) {
      throw new Error(`fan-out: only ${streams.filter((s) => s.ready).length} of ${opts.streams} streams opened`);
    }
    const latencies: number[] = [];
    let missed = 0;
    for (let c = 0; c < opts.changes; c++) {
      const sent = performance.now();
      const res = await fetch(`${opts.appUrl}/api/teams/${opts.teamId}/items`, {
        method: 'POST',
        headers: { cookie: opts.cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'success', body: `Gedeeld succes ${c + 1}` }),
      });
      if (res.status !== 201 && res.status !== 200) {
        throw new Error(`fan-out: the change answered ${res.status}: ${await res.text()}`);
      }
      await waitFor(() => streams.every((s) => s.changes.length > c), DELIVERY_LIMIT_MS);
      for (const s of streams) {
        const at = s.changes[c];
        if (at === undefined) missed++;
        else latencies.push(at - sent);
      }
      // Catch up stragglers, so change c + 1 is not counted as change c.
      for (const s of streams) while (s.changes.length < c + 1) s.changes.push(Number.NaN);
      await sleep(opts.gapMs);
    }
    latencies.sort((a, b) => a - b);
    return {
      streams: opts.streams,
      changes: opts.changes,
      deliveries: latencies.length,
      missed,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: latencies.at(-1) ?? 0,
    };
  } finally {
    for (const s of streams) s.request.destroy();
    agent.destroy();
  }
}
