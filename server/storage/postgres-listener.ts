import pg from 'pg';
import { APPENDED_CHANNEL } from './postgres-storage';

const RETRY_MS = 1000;

/**
 * Tells this process when any process committed an append (PostgreSQL LISTEN/NOTIFY), so that
 * its runs catch up at once instead of at the next poll. A dedicated connection; when it drops it
 * reconnects, and calls `onReconnect` so that the caller catches up on what it may have missed.
 */
export class PostgresAppendListener {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly connectionString: string,
    private readonly onAppended: (streamId: string) => void,
    private readonly onReconnect: () => void,
  ) {}

  static async start(connectionString: string, onAppended: (streamId: string) => void, onReconnect: () => void): Promise<PostgresAppendListener> {
    const listener = new PostgresAppendListener(connectionString, onAppended, onReconnect);
    await listener.connect();
    return listener;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => message.payload && this.onAppended(message.payload));
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    await client.connect();
    await client.query(`LISTEN ${APPENDED_CHANNEL}`);
    this.client = client;
  }

  private reconnectSoon(broken: pg.Client): void {
    if (this.closed || this.client !== broken || this.retry) return;
    this.client = null;
    void broken.end().catch(() => undefined);
    const attempt = () => {
      this.retry = null;
      if (this.closed) return;
      this.connect().then(
        () => this.onReconnect(),
        () => (this.retry = setTimeout(attempt, RETRY_MS)),
      );
    };
    this.retry = setTimeout(attempt, RETRY_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
