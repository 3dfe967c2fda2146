import { WebSocket } from 'ws';

/** A hi-res wall clock that agrees across processes on one machine. */
export const clock = (): number => performance.timeOrigin + performance.now();

export type Protocol = 'socket.io' | 'ws';

export interface LightClient {
  socket: WebSocket;
  /** When the first complete state (Podium's snapshot) arrived, or null. */
  readyAt: number | null;
}

/**
 * A lightweight audience client: Engine.IO 4 / Socket.IO 5 spoken directly over `ws` (or plain
 * `ws`), so that the load generator costs little next to the server it measures. It answers
 * pings, joins with `auth`, and reports every `event` frame's seq with its arrival time.
 */
export function connectClient(
  url: string,
  protocol: Protocol,
  auth: object,
  onEvent: (seq: number, at: number, frame: string) => void,
  onReady: (client: LightClient) => void,
  onFail: (why: string) => void,
): LightClient {
  const u = new URL(url);
  const target = protocol === 'ws' ? `ws://${u.host}/` : `ws://${u.host}/socket.io/?EIO=4&transport=websocket`;
  const socket = new WebSocket(target, { perMessageDeflate: false });
  const client: LightClient = { socket, readyAt: null };
  const ready = () => {
    if (client.readyAt !== null) return;
    client.readyAt = clock();
    onReady(client);
  };
  socket.on('open', () => protocol === 'ws' && ready());
  socket.on('error', (error) => onFail(error.message));
  socket.on('message', (data) => {
    const at = clock();
    const text = String(data);
    if (text.startsWith('42["event"') || (protocol === 'ws' && text.startsWith('42['))) {
      const match = /"seq":(\d+)/.exec(text);
      if (match) onEvent(Number(match[1]), at, text);
    } else if (text === '2') socket.send('3');
    else if (text.startsWith('0{')) socket.send(`40${JSON.stringify(auth)}`);
    else if (text.startsWith('42["snapshot"')) ready();
    else if (text.startsWith('40{') && !('ceremonyId' in auth)) ready();
    else if (text.startsWith('44')) onFail(text);
  });
  return client;
}
