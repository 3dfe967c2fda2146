import net from 'node:net';
import { expect, it } from 'vitest';
import { startTestServer } from '../helpers/server-harness';

it('a stop does not wait for a client that keeps its connection open with a half-sent request', async () => {
  const t = await startTestServer();
  const socket = net.connect(t.server.port, '127.0.0.1');
  try {
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /api/ceremonies HTTP/1.1\r\nHost: podium\r\n');
    // Connections are accepted in order: once a later one is answered, the server holds this one.
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // Before, the stop waited for the request's time-out (Node's requestTimeout: 300 s).
    await t.stop();
    await closed;
    expect(socket.destroyed).toBe(true);
  } finally {
    socket.destroy();
  }
}, 30_000);
