import { mount } from 'svelte';
import { DEFAULT_CHANNEL_ID } from '../../shared/channels';
import { Roles, type ScreenRole } from '../../shared/roles';
import { LIVE_RUN_ID, REPLAY_ID_PATTERN } from '../../shared/runs';
import type { PodiumApi } from './api';
import { CeremonyFeed } from './ceremony-feed.svelte';
import type { MessageKey } from './i18n';
import { Locale } from './locale.svelte';
import { Preferences } from './preferences';
import { screenUrl, type Route, type ScreenParams } from './route';
import { ScreenConnection, type ScreenConnectionOptions } from './screen-connection';

export interface StartContext {
  target: HTMLElement;
  locale: Locale;
  api: PodiumApi;
}

/**
 * Wires the screen a route asks for: its state, its connection, its page. Each page is its own
 * chunk (dynamic import), so the audience's phones do not download the operator console.
 */
export async function start(route: Route, { target, locale, api }: StartContext): Promise<void> {
  switch (route.page) {
    case 'audience': {
      const [{ default: AudiencePage }, ceremonyId] = await Promise.all([
        import('../pages/AudiencePage.svelte'),
        route.ceremonyId ?? api.listCeremonies().then((list) => list[0]?.id ?? null),
      ]);
      if (!ceremonyId) return showMessage(target, locale, 'noCeremony');
      const feed = new CeremonyFeed(route.screen.run ?? LIVE_RUN_ID);
      const connection = openScreen(feed, { ceremonyId, role: Roles.audience, screen: route.screen });
      mount(AudiencePage, { target, props: { feed, locale, actions: connection, delegate: null } });
      return;
    }
    case 'delegate': {
      const { default: AudiencePage } = await import('../pages/AudiencePage.svelte');
      const feed = new CeremonyFeed(route.screen.run ?? LIVE_RUN_ID);
      const delegate = { organizationId: route.organizationId, key: route.key };
      const connection = openScreen(feed, { ceremonyId: route.ceremonyId, role: Roles.delegate, screen: route.screen, delegate });
      mount(AudiencePage, { target, props: { feed, locale, actions: connection, delegate: { organizationId: route.organizationId } } });
      return;
    }
    case 'stage': {
      const [{ default: StagePage }, { AudienceLink }, { StageFeed }] = await Promise.all([import('../pages/StagePage.svelte'), import('./audience-link.svelte'), import('./stage-feed.svelte')]);
      const runId = route.screen.run ?? LIVE_RUN_ID;
      const feed = new StageFeed(runId);
      openScreen(feed, { ceremonyId: route.ceremonyId, role: Roles.stage, screen: route.screen });
      const link = new AudienceLink();
      const key = route.screen.key ?? undefined;
      void link.load(api, route.ceremonyId, location.origin, runId, key);
      // A replay room is no run of the server's: its QR code is of the link itself.
      const qrCodeUrl = REPLAY_ID_PATTERN.test(runId)
        ? api.qrCodeUrl(route.ceremonyId, link.fallback(route.ceremonyId, location.origin, runId, key))
        : api.qrCodeUrl(route.ceremonyId, undefined, runId, key);
      mount(StagePage, { target, props: { feed, locale, link, qrCodeUrl, motion: route.motion } });
      return;
    }
    case 'overlay': {
      const { default: OverlayPage } = await import('../pages/OverlayPage.svelte');
      const feed = new CeremonyFeed(route.screen.run ?? LIVE_RUN_ID);
      openScreen(feed, { ceremonyId: route.ceremonyId, role: Roles.overlay, screen: route.screen });
      mount(OverlayPage, { target, props: { feed, locale, background: route.background, motion: route.motion, layout: route.layout } });
      return;
    }
    case 'operator':
    case 'studio':
    case 'studio_preview':
    case 'replay':
    case 'join':
    case 'presenter': {
      // The crew's pages and watch-again, with their wiring, in their own chunk: not on a phone's first load.
      const { startCrewPage } = await import('./start-crew');
      return startCrewPage(route, { target, locale, api });
    }
    case 'results':
    case 'certificates':
    case 'verify':
      return (await import('./start-archive')).startArchivePage(route, { target, locale, api });
    case 'not_found':
      return showMessage(target, locale, 'notFound');
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

interface ScreenSetup {
  ceremonyId: string;
  role: ScreenRole;
  screen: ScreenParams;
  delegate?: ScreenConnectionOptions['delegate'];
}

/**
 * Connects a public screen with the browser's hooks: remembered preferences, the page's
 * visibility (hidden tabs' timers are throttled), and the operator's remote navigate and reload.
 */
function openScreen(feed: CeremonyFeed, { ceremonyId, role, screen, delegate }: ScreenSetup): ScreenConnection {
  const preferences = Preferences.fromBrowser();
  // A name in the URL is remembered, so the screen keeps it after the operator reloads it elsewhere.
  if (screen.name) preferences.write({ name: screen.name });
  const remembered = preferences.read();
  let name = screen.name ?? remembered.name;
  let channel = screen.channel;
  feed.setNudge(role === Roles.audience || role === Roles.delegate ? remembered.nudgeMs : 0);
  if (delegate) feed.setLocation(remembered.location);
  const connection = new ScreenConnection(feed, {
    ceremonyId,
    role,
    ...(screen.run ? { runId: screen.run } : {}),
    ...(screen.run && screen.key ? { runKey: screen.key } : {}),
    ...(screen.screenKey ? { screenKey: screen.screenKey } : {}),
    ...(channel ? { channel } : {}),
    ...(name ? { name } : {}),
    ...(delegate ? { delegate } : {}),
    onVisible: (listener) => {
      const onChange = () => {
        if (document.visibilityState === 'visible') listener();
      };
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
    // A delegate sent to the audience view stays on its own link: that is its audience view.
    onNavigate: (view, screenKey) =>
      delegate && view === 'audience' ? location.reload() : location.assign(screenUrl(view, ceremonyId, { channel, name, run: screen.run ?? null, key: screen.key ?? null, screenKey: screenKey ?? null })),
    onReload: () => location.reload(),
    onChannel: (next) => {
      channel = next.id;
      // Keep the URL in step, so a reload stays on the channel the operator chose.
      const url = new URL(location.href);
      if (url.searchParams.get('channel') === next.id || (!url.searchParams.has('channel') && next.id === DEFAULT_CHANNEL_ID)) return;
      url.searchParams.set('channel', next.id);
      history.replaceState(history.state, '', url);
    },
    onPreferences: (changed) => {
      // A rename by the operator: remembered, and the link's `?name=` follows so a reload keeps it.
      if (changed.name) {
        name = changed.name;
        const url = new URL(location.href);
        if (url.searchParams.has('name')) {
          url.searchParams.set('name', changed.name);
          history.replaceState(history.state, '', url);
        }
      }
      preferences.write(changed);
    },
  });
  connection.connect();
  return connection;
}

async function showMessage(target: HTMLElement, locale: Locale, message: MessageKey): Promise<void> {
  const { default: MessagePage } = await import('../pages/MessagePage.svelte');
  mount(MessagePage, { target, props: { locale, message } });
}
