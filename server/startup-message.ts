import type { NetworkInterfaceInfo } from 'node:os';
import type { FirstProducerStart } from './access/crew-sign-in';
import { screenLinks, type ScreenKeys } from './http/http-api';

/** What `npm start` knows when it prints where Podium is. */
export interface StartupInfo {
  /** The URL the server reports (`http://localhost:<port>` when it listens on every address). */
  url: string;
  port: number;
  /** HOST: the address it listens on. */
  host: string;
  /** PUBLIC_URL, when set. */
  publicUrl: string | undefined;
  /** os.networkInterfaces() */
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>;
  ceremonyId: string;
  /** The keys of the stage and overlay links (they are printed to the operator's terminal only). */
  screenKeys: ScreenKeys | null;
  /** Where the operator passcode is (printed, never logged). */
  passcodeLine: string;
}

/**
 * The line about the first producer's passcode: shown in full once, when this start made it (or
 * moved it from an older version's file into the database, where only its hash is kept).
 */
export function passcodeLine(start: FirstProducerStart, configured: boolean, producerName: string): string {
  if (start.generatedPasscode) return `  operator passcode (generated, shown once; only its hash is kept): ${start.generatedPasscode}   (first producer: "${producerName}")`;
  if (start.movedPasscode) return `  operator passcode (moved from DATA_DIR/operator-passcode into the database as a hash; the file is deleted; shown once): ${start.movedPasscode}`;
  if (configured) return '  operator passcode: from OPERATOR_PASSCODE';
  return '  operator passcode: the one shown at first start (only its hash is kept; forgotten? start with OPERATOR_PASSCODE set)';
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/**
 * The addresses other machines in the hall can reach this one at: not loopback, and not IPv6
 * link-local (a browser cannot open fe80:: without a zone id). IPv4 first: easier to type.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  const usable = all.filter((a) => !a.internal && !(a.family === 'IPv6' && /^fe[89ab]/i.test(a.address)));
  const v4 = usable.filter((a) => a.family === 'IPv4').map((a) => a.address);
  const v6 = usable.filter((a) => a.family === 'IPv6').map((a) => a.address);
  return [...new Set([...v4, ...v6])];
}

function urlOf(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/**
 * The text `npm start` prints. Links and QR codes follow PUBLIC_URL, or else the address a screen
 * was opened with: links for `localhost` are useless to the phones in the hall, so without
 * PUBLIC_URL it prints the links at this machine's LAN address, lists the others, and says how to
 * set PUBLIC_URL, or warns when no other machine can reach this one.
 */
export function startupMessage(info: StartupInfo): string {
  const lan = WILDCARD_HOSTS.has(info.host) ? lanAddresses(info.interfaces) : [];
  const loopbackOnly = info.host === '127.0.0.1' || info.host === '::1' || info.host === 'localhost';
  const base = info.publicUrl?.replace(/\/$/, '') ?? (lan[0] ? urlOf(lan[0], info.port) : info.url);
  const links = screenLinks(base, info.ceremonyId, null, info.screenKeys);
  const lines = [
    '',
    `Podium is running at ${info.url}`,
    `  audience  ${base}/`,
    `  stage     ${links.stage}`,
    `  overlay   ${links.overlay}`,
    `  operator  ${base}/operator`,
    info.passcodeLine,
  ];
  if (info.publicUrl === undefined) {
    lines.push('');
    if (lan.length > 0) {
      lines.push(
        'PUBLIC_URL is not set: links and QR codes use the address a screen was opened with, and phones cannot open localhost.',
        `Open the screens and the console at this machine's address on the hall's network:`,
        ...lan.map((address) => `  ${urlOf(address, info.port)}/`),
        `or set PUBLIC_URL (for example PUBLIC_URL=${urlOf(lan[0]!, info.port)}) so that every link and QR code uses it.`,
      );
    } else if (loopbackOnly) {
      lines.push(`Warning: Podium listens on ${info.host} only (HOST), so no phone or other screen can reach it. Set HOST=0.0.0.0 and PUBLIC_URL to the address they should open.`);
    } else if (WILDCARD_HOSTS.has(info.host)) {
      lines.push('Warning: this machine has no network address besides localhost, so no phone or other screen can reach it. Connect it to the hall\'s network and restart, or set PUBLIC_URL to the address screens should open.');
    } else {
      lines.push(`PUBLIC_URL is not set: links and QR codes use the address a screen was opened with (${info.url}). Set PUBLIC_URL if screens reach Podium by another name.`);
    }
  }
  lines.push('');
  return lines.join('\n') + '\n';
}
