import type { LiveMeasurement } from '@ecep/contract';
import { useEffect, useRef, useState } from 'react';
import { liveStreamUrl } from './monitoring-api';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LiveStream {
  state: LiveState;
  /** Browser time of the last `measurement` event (ms), null before the first. */
  lastEventAt: number | null;
  /** Events the server dropped because this page read too slowly; refetch when it grows. */
  gaps: number;
}

/**
 * Subscribes to the server-sent events of one device (or every device in scope): `onEvent` receives each
 * stored record. EventSource reconnects by itself after a network error; a refused stream (404, 401) closes.
 */
export function useLiveStream(mn: string | undefined, onEvent: (e: LiveMeasurement) => void): LiveStream {
  const [state, setState] = useState<LiveState>('connecting');
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const [gaps, setGaps] = useState(0);
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    setState('connecting');
    const source = new EventSource(liveStreamUrl(mn), { withCredentials: true });
    source.addEventListener('ready', () => setState('live'));
    source.addEventListener('measurement', (msg) => {
      try {
        handler.current(JSON.parse((msg as MessageEvent<string>).data) as LiveMeasurement);
        setLastEventAt(Date.now());
      } catch {
        // A malformed event is skipped; the next one carries the full record again.
      }
    });
    source.addEventListener('gap', () => setGaps((g) => g + 1));
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    return () => source.close();
  }, [mn]);

  return { state, lastEventAt, gaps };
}
