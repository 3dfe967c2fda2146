import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Which hops may tell the client's address (X-Forwarded-For): Express's `trust proxy` as a function. */
export type ProxyTrust = (address: string, hop: number) => boolean;

const MAX_HOPS = 10;

/**
 * TRUST_PROXY: unset (or `false`, `0`) trusts no proxy, so X-Forwarded-For is ignored; a whole
 * number trusts that many hops in front of the server; otherwise a comma-separated list of proxy
 * addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal`. Anything else stops
 * the start: a typo must not silently let every client choose its own address (`true` is refused
 * for that reason: it would trust every hop, spoofed ones included).
 */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new Error(`TRUST_PROXY must be a hop count from 0 to ${MAX_HOPS}, got "${value}"`);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(',').map((s) => s.trim());
  try {
    if (entries.some((e) => e === '')) throw new TypeError('an empty entry');
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must be a hop count (e.g. 1) or a comma-separated list of proxy addresses, CIDR ranges or loopback/linklocal/uniquelocal (e.g. loopback); got "${value}": ${(error as Error).message}`,
    );
  }
}

/** The client's address of a request (also a Socket.IO handshake's), with the same trust as Express. */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  return proxyaddr(req, trust);
}
