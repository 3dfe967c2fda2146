type Handler = (...args: unknown[]) => void;

/** Stands in for a screen's socket.io socket: records what the client emits, lets the test fire events. */
export class FakeScreenSocket {
  readonly handlers = new Map<string, Handler[]>();
  readonly emitted: [string, unknown][] = [];
  connected = false;
  active = true;
  reconnects = 0;
  /** The Manager: the client listens to its heartbeat (`ping`); `beat()` fires one. */
  readonly io = {
    handlers: [] as (() => void)[],
    on(event: string, handler: () => void) {
      if (event === 'ping') this.handlers.push(handler);
      return this;
    },
    off(event: string, handler: () => void) {
      if (event === 'ping') this.handlers = this.handlers.filter((h) => h !== handler);
      return this;
    },
  };
  constructor(readonly options: { auth: (cb: (data: object) => void) => void }) {}
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, payload: unknown) {
    this.emitted.push([event, payload]);
    return this;
  }
  /** Acks never come back unless a test's subclass answers them. */
  timeout() {
    return { emitWithAck: async (_event: 'clock', _sentAt: number): Promise<number> => new Promise<number>(() => {}) };
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  connect() {
    this.reconnects++;
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  beat() {
    for (const handler of this.io.handlers) handler();
  }
  auth(): Record<string, unknown> {
    let data: object = {};
    this.options.auth((d) => (data = d));
    return data as Record<string, unknown>;
  }
  sent(event: string): Record<string, unknown>[] {
    return this.emitted.filter(([name]) => name === event).map(([, payload]) => payload as Record<string, unknown>);
  }
}
