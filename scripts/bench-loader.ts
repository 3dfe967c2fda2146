import { clock, connectClient, type LightClient, type Protocol } from './bench-client';

/**
 * A load-generator process for `npm run bench`: opens `count` audience sockets (spread over the
 * given URLs), then reports, for each seq, every socket's arrival time. Driven over IPC.
 */
interface Start {
  type: 'start';
  urls: string[];
  protocol: Protocol;
  count: number;
  auth: object;
}
type Command = Start | { type: 'collect' } | { type: 'close' };

const CONCURRENT_HANDSHAKES = 100;

const clients: LightClient[] = [];
/** seq → arrival time per client index (NaN: not yet). */
const arrivals = new Map<number, Float64Array>();
const received = new Map<number, number>();
let failures = 0;
let cpuAtStart = process.cpuUsage();
let wallAtStart = clock();
const send = (message: object) => process.send!(message);

function start(command: Start): void {
  let opened = 0;
  let ready = 0;
  const openNext = () => {
    if (opened >= command.count) return;
    const index = opened++;
    const client = connectClient(
      command.urls[index % command.urls.length]!,
      command.protocol,
      command.auth,
      (seq, at) => {
        let times = arrivals.get(seq);
        if (!times) arrivals.set(seq, (times = new Float64Array(command.count).fill(NaN)));
        if (!Number.isNaN(times[index]!)) return;
        times[index] = at;
        const n = (received.get(seq) ?? 0) + 1;
        received.set(seq, n);
        if (n === command.count) send({ type: 'all', seq });
      },
      () => {
        ready += 1;
        if (ready === command.count) {
          cpuAtStart = process.cpuUsage();
          wallAtStart = clock();
          send({ type: 'ready' });
        }
        openNext();
      },
      (why) => {
        failures += 1;
        if (failures <= 3) send({ type: 'failure', why });
        openNext();
      },
    );
    clients.push(client);
  };
  for (let i = 0; i < CONCURRENT_HANDSHAKES; i++) openNext();
}

process.on('message', (command: Command) => {
  if (command.type === 'start') start(command);
  else if (command.type === 'collect') {
    const cpu = process.cpuUsage(cpuAtStart);
    const wall = clock() - wallAtStart;
    send({
      type: 'collected',
      failures,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
      arrivals: Object.fromEntries([...arrivals].map(([seq, times]) => [seq, Array.from(times)])),
    });
  } else if (command.type === 'close') {
    for (const c of clients) c.socket.terminate();
    process.exit(0);
  }
});
send({ type: 'spawned' });
