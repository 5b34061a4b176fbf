import { describe, expect, it } from 'vitest';
import { FrameAdmission } from './admission.js';

/** An admission whose started frames, pauses and resumes are recorded; the test finishes frames itself. */
function recorded(limits: { global: number; perConnection: number }) {
  const started: string[] = [];
  const events: string[] = [];
  const admission = new FrameAdmission<string, string>(limits, {
    start: (conn, frame) => started.push(`${conn}:${frame}`),
    pause: (conn) => events.push(`pause ${conn}`),
    resume: (conn) => events.push(`resume ${conn}`),
  });
  return { admission, started, events };
}

const afterPump = () => new Promise((r) => setImmediate(r));

describe('FrameAdmission (backpressure before decoding)', () => {
  it('starts frames while there is room and keeps the rest undecoded, pausing the connection', () => {
    const { admission, started, events } = recorded({ global: 3, perConnection: 10 });
    admission.offer('a', ['1', '2', '3', '4', '5']);
    expect(started).toEqual(['a:1', 'a:2', 'a:3']);
    expect(events).toEqual(['pause a']);
    expect(admission.stats).toEqual({ inFlight: 3, backlogged: 2, paused: 1 });
    expect(admission.isWaiting('a')).toBe(true);
  });

  it('serves the backlog in order as frames finish and resumes the socket only when it is empty', async () => {
    const { admission, started, events } = recorded({ global: 2, perConnection: 10 });
    admission.offer('a', ['1', '2', '3', '4']);
    admission.finished('a');
    await afterPump();
    expect(started).toEqual(['a:1', 'a:2', 'a:3']);
    expect(events).toEqual(['pause a']);
    admission.finished('a');
    await afterPump();
    expect(started).toEqual(['a:1', 'a:2', 'a:3', 'a:4']);
    // The backlog is empty but the pipeline is full again: still paused.
    expect(events).toEqual(['pause a']);
    admission.finished('a');
    await afterPump();
    expect(events).toEqual(['pause a', 'resume a']);
    expect(admission.stats).toEqual({ inFlight: 1, backlogged: 0, paused: 0 });
  });

  it('keeps a connection behind its own backlog: a later read never overtakes earlier frames', () => {
    const { admission, started } = recorded({ global: 1, perConnection: 10 });
    admission.offer('a', ['1', '2']);
    admission.finished('a');
    // Room again, but frame 2 still waits: frame 3 must queue behind it, not start first.
    admission.offer('a', ['3']);
    expect(started).toEqual(['a:1']);
    expect(admission.stats.backlogged).toBe(2);
  });

  it('limits one connection without stopping the others', () => {
    const { admission, started, events } = recorded({ global: 100, perConnection: 2 });
    admission.offer('a', ['1', '2', '3']);
    admission.offer('b', ['1']);
    expect(started).toEqual(['a:1', 'a:2', 'b:1']);
    expect(events).toEqual(['pause a']);
  });

  it('serves waiting connections first come, first served, and each in turn when room is short', async () => {
    const { admission, started, events } = recorded({ global: 2, perConnection: 10 });
    admission.offer('a', ['1', '2', '3', '4']);
    admission.offer('b', ['1', '2']);
    admission.offer('c', ['1']);
    expect(started).toEqual(['a:1', 'a:2']);
    expect(events).toEqual(['pause a', 'pause b', 'pause c']);
    // One slot frees: a (first in line) gets it and goes to the back of the line.
    admission.finished('a');
    await afterPump();
    expect(started.slice(2)).toEqual(['a:3']);
    admission.finished('a');
    await afterPump();
    expect(started.slice(3)).toEqual(['b:1']);
    admission.finished('a');
    await afterPump();
    expect(started.slice(4)).toEqual(['c:1']);
  });

  it('does not resume every paused connection at once when room opens', async () => {
    const { admission, events } = recorded({ global: 2, perConnection: 10 });
    for (const conn of ['a', 'b', 'c', 'd']) admission.offer(conn, ['1', '2']);
    events.length = 0;
    admission.finished('a');
    admission.finished('a');
    await afterPump();
    // Two slots: a had nothing waiting and may read again; b's backlog fills them; c and d stay paused.
    expect(events).toEqual(['resume a']);
    expect(admission.stats).toEqual({ inFlight: 2, backlogged: 4, paused: 3 });
  });

  it('drops the backlog of a closed connection and keeps counting its frames still in the pipeline', async () => {
    const { admission, started } = recorded({ global: 2, perConnection: 10 });
    admission.offer('a', ['1', '2', '3']);
    admission.offer('b', ['1']);
    admission.remove('a');
    expect(admission.stats).toEqual({ inFlight: 2, backlogged: 1, paused: 1 });
    admission.finished('a');
    await afterPump();
    expect(started).toEqual(['a:1', 'a:2', 'b:1']);
    expect(admission.stats.inFlight).toBe(2);
  });
});
