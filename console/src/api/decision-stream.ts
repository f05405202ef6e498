import { authHeaders, buildUrl } from './client';
import type { StreamRow } from './types';

export interface StreamFilter {
  kind?: 'application' | 'money';
  outcome?: string;
  channel?: string;
}

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * Subscribes to the live decisions (Server-Sent Events). EventSource cannot send the staff
 * session's Authorization header, so this reads the event stream from fetch; it reconnects after a
 * drop (1 s, then up to 10 s) until `close()`.
 */
export function subscribeDecisions(
  filter: StreamFilter,
  onRow: (row: StreamRow) => void,
  onStatus: (s: StreamStatus) => void = () => undefined,
): { close(): void } {
  const abort = new AbortController();
  let delay = 1000;
  const url = buildUrl('/api/staff/stream/decisions', undefined, filter);

  const dispatch = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (event === 'decision' && data.length) onRow(JSON.parse(data.join('\n')) as StreamRow);
  };

  const run = async () => {
    while (!abort.signal.aborted) {
      try {
        onStatus(delay === 1000 ? 'connecting' : 'reconnecting');
        const res = await fetch(url, {
          headers: { ...authHeaders(), accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (res.status === 401) {
          onStatus('closed');
          return;
        }
        if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
        onStatus('open');
        delay = 1000;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
        }
      } catch {
        if (abort.signal.aborted) break;
      }
      onStatus('reconnecting');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
    onStatus('closed');
  };
  void run();
  return { close: () => abort.abort() };
}
