import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../helpers/browser';

const SEED = 'egov-award-1399';
/**
 * The server pings every 5 s (server/delivery/socket-gateway.ts); a screen calls a ping 1.5 s late a lost
 * link (client/lib/heartbeat-watch.ts): 6.5 s at worst, plus room for a slow machine.
 */
const DETECTION_BOUND_MS = 8_000;

const env = serverAndBrowser();

/**
 * A TCP proxy to the server that can go silent the way a phone's network does when it drops:
 * nothing more is forwarded either way, and nothing is closed, so neither end is told.
 */
async function startStallingProxy(upstreamUrl: string): Promise<{ url: string; upgraded(): boolean; stall(): void; close(): Promise<void> }> {
  const { hostname, port } = new URL(upstreamUrl);
  const sockets = new Set<net.Socket>();
  let stalled = false;
  let upgraded = false;
  const server = net.createServer((client) => {
    // Socket.IO starts on long-polling and moves to a WebSocket: the test stalls the WebSocket,
    // once the client has answered the server's probe on it ("3probe", then the client's "5").
    let websocket = false;
    let probed = false;
    client.once('data', (chunk) => (websocket = /^GET \/socket\.io\/\?[^ ]*transport=websocket/.test(String(chunk))));
    client.on('data', () => void (probed && websocket && (upgraded = true)));
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (chunk) => void (stalled || upstream.write(chunk)));
    upstream.on('data', (chunk) => {
      if (chunk.includes('3probe')) probed = true;
      if (!stalled) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    upgraded: () => upgraded,
    stall: () => {
      stalled = true;
      // New connections (the reconnect attempts) go nowhere either, as on a dead network.
      server.close();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}

describe('a dead connection in Chromium', () => {
  it('[S28] a phone whose network silently stops shows it has lost the connection within 8 s', async () => {
    const proxy = await startStallingProxy(env.server.url);
    try {
      const page = await env.browser.newPage({ viewport: { width: 420, height: 800 } });
      await page.goto(`${proxy.url}/c/${SEED}`);
      const indicator = page.locator('.connection');
      await expect.poll(() => indicator.getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
      await expect.poll(() => proxy.upgraded(), { timeout: 15_000 }).toBe(true);

      proxy.stall();
      const stalledAt = Date.now();
      await expect.poll(() => indicator.getAttribute('data-status'), { timeout: 30_000, interval: 100 }).toBe('reconnecting');
      const detectedMs = Date.now() - stalledAt;
      console.log(`dead connection shown after ${detectedMs} ms`);
      expect(detectedMs).toBeLessThanOrEqual(DETECTION_BOUND_MS);
      expect(await indicator.innerText()).toContain('در حال اتصال دوباره');
      await page.close();
    } finally {
      await proxy.close();
    }
  });
});
