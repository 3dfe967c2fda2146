import { CHANNEL_ID_PATTERN } from '../../shared/channels';
import { LIVE_RUN_ID, RUN_ID_PATTERN, SCREEN_RUN_ID_PATTERN } from '../../shared/runs';
import { parseArchiveRoute, type ArchiveRoute } from './archive-route';

/**
 * What any public screen's URL may add: its channel (`?channel=`), its name (`?name=`) and the run
 * it shows (`?run=rehearsal-2`, `?run=replay-3f…`; null for the live run).
 */
export interface ScreenParams {
  channel: string | null;
  name: string | null;
  run?: string | null;
  /** The run's key from its links (`?key=`): every run but the live one needs it. */
  key?: string | null;
  /** A stage or overlay link's own key (`?k=`): those screens need it on every run. */
  screenKey?: string | null;
}

/** Which screen a URL asks for. The server falls back to index.html for each of these paths. */
export type Route =
  | { page: 'audience'; ceremonyId: string | null; screen: ScreenParams }
  | { page: 'delegate'; ceremonyId: string; organizationId: string; key: string; screen: ScreenParams }
  /** `motion`: false with `?motion=off` (a mixer that wants cuts), as under prefers-reduced-motion. */
  | { page: 'stage'; ceremonyId: string; motion: boolean; screen: ScreenParams }
  /** `layout`: `?layout=full` for a full-frame reveal instead of lower thirds. */
  | { page: 'overlay'; ceremonyId: string; background: string | null; motion: boolean; layout: OverlayLayout; screen: ScreenParams }
  /** The presenter's screen at the lectern (S33): crew only, signed in. */
  | { page: 'presenter'; ceremonyId: string }
  | { page: 'operator'; ceremonyId: string | null; runId: string }
  /** "Watch again": a recorded run played in this browser (`?run=`, the live run by default). */
  | { page: 'replay'; ceremonyId: string; runId: string }
  /** The organizers' studio (S32): `?ceremony=` and `?tab=` say what is open. */
  | { page: 'studio'; ceremonyId: string | null; tab: string | null }
  /** One cue of a draft on one screen, as the studio's preview frames show it (S32). */
  | { page: 'studio_preview'; ceremonyId: string; cueId: string | null; view: ScreenView | 'phone'; results: 'stand-ins' | 'real' }
  /** Joining the crew by an invitation link (S29). */
  | { page: 'join'; token: string }
  | ArchiveRoute
  | { page: 'not_found' };

export type ScreenView = 'audience' | 'stage' | 'overlay';
export type OverlayLayout = 'lower-third' | 'full';

const screenPath = /^\/(c|stage|overlay)\/([^/]+)\/?$/;
const delegatePath = /^\/d\/([^/]+)\/([^/]+)\/?$/;
const replayPath = /^\/replay\/([^/]+)\/?$/;
const presenterPath = /^\/presenter\/([^/]+)\/?$/;
const joinPath = /^\/join\/([A-Za-z0-9_-]{1,100})\/?$/;
export const MAX_SCREEN_NAME_LENGTH = 60;

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const screen = screenParams(params);
  if (pathname === '/' || pathname === '') return { page: 'audience', ceremonyId: null, screen };
  if (pathname === '/operator' || pathname === '/operator/') {
    const run = params.get('run') ?? '';
    return { page: 'operator', ceremonyId: params.get('ceremony') || null, runId: RUN_ID_PATTERN.test(run) ? run : LIVE_RUN_ID };
  }
  if (pathname === '/operator/studio' || pathname === '/operator/studio/') return { page: 'studio', ceremonyId: params.get('ceremony') || null, tab: params.get('tab') || null };
  if (pathname === '/operator/studio/preview') {
    const view = params.get('view') ?? 'stage';
    return {
      page: 'studio_preview',
      ceremonyId: params.get('ceremony') ?? '',
      cueId: params.get('cue') || null,
      view: view === 'audience' || view === 'overlay' || view === 'phone' ? view : 'stage',
      results: params.get('results') === 'real' ? 'real' : 'stand-ins',
    };
  }
  const presenter = presenterPath.exec(pathname);
  if (presenter) return { page: 'presenter', ceremonyId: decode(presenter[1]!) };
  const join = joinPath.exec(pathname);
  if (join) return { page: 'join', token: join[1]! };
  const replay = replayPath.exec(pathname);
  if (replay) {
    const run = params.get('run') ?? '';
    return { page: 'replay', ceremonyId: decode(replay[1]!), runId: RUN_ID_PATTERN.test(run) ? run : LIVE_RUN_ID };
  }
  const delegate = delegatePath.exec(pathname);
  if (delegate) {
    return { page: 'delegate', ceremonyId: decode(delegate[1]!), organizationId: decode(delegate[2]!), key: params.get('k') ?? '', screen };
  }
  const archive = parseArchiveRoute(pathname);
  if (archive) return archive;
  const match = screenPath.exec(pathname);
  if (!match) return { page: 'not_found' };
  const ceremonyId = decode(match[2]!);
  switch (match[1]) {
    case 'c':
      return { page: 'audience', ceremonyId, screen };
    case 'stage':
      return { page: 'stage', ceremonyId, motion: params.get('motion') !== 'off', screen: withScreenKey(screen, params) };
    default:
      return {
        page: 'overlay',
        ceremonyId,
        background: safeColour(params.get('background')),
        motion: params.get('motion') !== 'off',
        layout: params.get('layout') === 'full' ? 'full' : 'lower-third',
        screen: withScreenKey(screen, params),
      };
  }
}

/** Where the operator sends a screen: the view's path, keeping its run, channel and name. */
export function screenUrl(view: ScreenView, ceremonyId: string, screen: ScreenParams): string {
  const prefix = view === 'audience' ? 'c' : view;
  const params = new URLSearchParams();
  if (screen.run) params.set('run', screen.run);
  if (screen.run && screen.key) params.set('key', screen.key);
  if (view !== 'audience' && screen.screenKey) params.set('k', screen.screenKey);
  if (screen.channel) params.set('channel', screen.channel);
  if (screen.name) params.set('name', screen.name);
  const query = params.toString();
  return `/${prefix}/${encodeURIComponent(ceremonyId)}${query ? `?${query}` : ''}`;
}

function screenParams(params: URLSearchParams): ScreenParams {
  const channel = params.get('channel')?.trim().toLowerCase() ?? '';
  const name = params.get('name')?.trim().slice(0, MAX_SCREEN_NAME_LENGTH) ?? '';
  const run = params.get('run')?.trim() ?? '';
  const key = params.get('key')?.trim().slice(0, 100) ?? '';
  const other = SCREEN_RUN_ID_PATTERN.test(run) && run !== LIVE_RUN_ID;
  return {
    channel: CHANNEL_ID_PATTERN.test(channel) ? channel : null,
    name: name || null,
    run: other ? run : null,
    ...(other && key ? { key } : {}),
  };
}

function withScreenKey(screen: ScreenParams, params: URLSearchParams): ScreenParams {
  const screenKey = params.get('k')?.trim().slice(0, 100) ?? '';
  return screenKey ? { ...screen, screenKey } : screen;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A chroma-key colour from the URL, only if it is a plain colour: `#00ff00`, `#0f0` or a colour
 * name. Anything else (url(), var(), semicolons) is dropped rather than put into a style.
 */
export function safeColour(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  return /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v) || /^[a-z]{3,20}$/i.test(v) ? v : null;
}
