import type { Socket } from 'socket.io';

/**
 * What the server may hold for one public screen that its network has not taken yet: about 1 MB
 * (characters of frames, plus bytes in the WebSocket's buffer) beyond the largest single frame
 * queued for it. A snapshot of the largest ceremony the limits allow is a few MB, and one new
 * definition version carries as much: a screen that reads takes it whole; one that stops reading
 * (a hostile client, a frozen tab) would otherwise make the server keep every frame sent to it
 * (rule S21).
 */
export const MAX_QUEUED_PER_SCREEN = 1_000_000;

type Connection = Socket['conn'];
interface Packet {
  data?: unknown;
}
interface WebSocketLike {
  bufferedAmount: number;
  terminate(): void;
}

/** The `ws` socket under engine.io's WebSocket transport; undefined under long-polling. */
function webSocketOf(conn: Connection): WebSocketLike | undefined {
  const ws = (conn.transport as unknown as { socket?: Partial<WebSocketLike> }).socket;
  return ws && typeof ws.bufferedAmount === 'number' && typeof ws.terminate === 'function' ? (ws as WebSocketLike) : undefined;
}

function packetSize(packet: Packet): number {
  const { data } = packet;
  return typeof data === 'string' || Buffer.isBuffer(data) ? data.length : 0;
}

/** How much is queued for a connection now: engine.io's write buffer plus the WebSocket's. */
export function queuedFor(conn: Connection): number {
  // Private in its types: engine.io 6 keeps here the packets not yet handed to the transport.
  const waiting = (conn as unknown as { writeBuffer: Packet[] }).writeBuffer.reduce((sum, packet) => sum + packetSize(packet), 0);
  return waiting + (webSocketOf(conn)?.bufferedAmount ?? 0);
}

/**
 * Cuts a socket off, freeing what was queued for it at once: socket.io's own disconnect would wait
 * for a drain that never comes, and ws's closing handshake keeps the buffer for 30 s.
 */
export function cutOff(socket: Socket): void {
  const ws = webSocketOf(socket.conn);
  socket.disconnect(true);
  socket.conn.close(true);
  ws?.terminate();
}

/**
 * Counts, packet by packet, what engine.io queues for a socket's connection (reset when it hands
 * the queue to the transport) plus the WebSocket's buffer, and calls `onOver` once when it passes
 * `limit` beyond the largest frame queued for it so far (returned, for the check before a send). Counting as packets are made keeps the check O(1) per frame, broadcasts included.
 */
export function guardOutbound(socket: Socket, limit: number, onOver: (queued: number) => void): () => number {
  const conn = socket.conn;
  let pending = 0;
  let largest = 0;
  let over = false;
  const onPacket = (packet: Packet) => {
    const size = packetSize(packet);
    pending += size;
    largest = Math.max(largest, size);
    if (over) return;
    const queued = pending + (webSocketOf(conn)?.bufferedAmount ?? 0);
    // One frame always fits, however large (a big ceremony's snapshot): the limit is on top of it.
    if (queued <= limit + largest) return;
    over = true;
    // Not in the middle of socket.io's write (or of a broadcast to a room): right after it.
    setImmediate(() => onOver(queued));
  };
  const onFlush = () => {
    pending = 0;
  };
  conn.on('packetCreate', onPacket);
  conn.on('flush', onFlush);
  socket.once('disconnect', () => {
    conn.off('packetCreate', onPacket);
    conn.off('flush', onFlush);
  });
  return () => largest;
}
