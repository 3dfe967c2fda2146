import http from 'node:http';
import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';

/**
 * The two references `npm run bench` measures Podium against, in a process of their own:
 * `socket.io` (a bare Socket.IO 4.8 server: one `io.emit` per reveal, the floor any Socket.IO
 * app pays) or `ws` (one pre-encoded frame sent to every `ws` socket: the ceiling of Node).
 * POST /go with an event's JSON broadcasts it as `42["event",<json>]`.
 */
const kind = process.argv[2];
const server = http.createServer();
let broadcast: (json: string) => void;
if (kind === 'socket.io') {
  const io = new Server(server, { serveClient: false });
  broadcast = (json) => io.emit('event', JSON.parse(json));
} else if (kind === 'ws') {
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  broadcast = (json) => {
    const frame = `42["event",${json}]`;
    for (const client of wss.clients) client.send(frame);
  };
} else {
  throw new Error('usage: bench-bare-servers.ts socket.io|ws');
}
server.on('request', (req, res) => {
  if (req.method !== 'POST' || req.url !== '/go') return; // Socket.IO answers its own requests
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    broadcast(body);
    res.end('{"ok":true}');
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
