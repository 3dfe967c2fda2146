import WebSocket from 'ws';

/**
 * A public screen speaking the Engine.IO 4 / Socket.IO 5 wire protocol by hand over `ws`, so a
 * test can do what no socket.io client does: flood messages, and stop reading what it is sent.
 */
export class RawScreen {
  /** Socket.IO packets received while reading, e.g. `42["snapshot",…]`. */
  readonly packets: string[] = [];
  closed = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on('close', () => (this.closed = true));
  }

  /** Connects to the default namespace with `auth`; resolves once the server admitted it. */
  static open(url: string, auth: object): Promise<RawScreen> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const screen = new RawScreen(ws);
    return new Promise((resolve, reject) => {
      ws.on('error', reject);
      ws.on('message', (data) => {
        const text = String(data);
        if (text === '2') return ws.send('3'); // the server's ping
        if (text.startsWith('0')) return ws.send(`40${JSON.stringify(auth)}`);
        if (text.startsWith('44')) return reject(new Error(text));
        if (text.startsWith('40')) resolve(screen);
        screen.packets.push(text);
      });
    });
  }

  emit(event: string, ...args: unknown[]): void {
    this.ws.send(`42${JSON.stringify([event, ...args])}`);
  }

  /** Reads nothing more from the network: what the server sends piles up on its side. */
  stopReading(): void {
    this.ws.pause();
  }

  close(): void {
    this.ws.terminate();
  }
}
