import { mount } from 'svelte';
import { Roles } from '../../shared/roles';
import type { PodiumApi } from './api';
import { CeremonyFeed } from './ceremony-feed.svelte';
import type { MessageKey } from './i18n';
import type { Locale } from './locale.svelte';
import type { Route } from './route';
import { ScreenConnection } from './screen-connection';

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
      const feed = new CeremonyFeed();
      new ScreenConnection(feed, { ceremonyId, role: Roles.audience }).connect();
      mount(AudiencePage, { target, props: { feed, locale } });
      return;
    }
    case 'stage': {
      const [{ default: StagePage }, { AudienceLink }] = await Promise.all([import('../pages/StagePage.svelte'), import('./audience-link.svelte')]);
      const feed = new CeremonyFeed();
      new ScreenConnection(feed, { ceremonyId: route.ceremonyId, role: Roles.stage }).connect();
      const link = new AudienceLink();
      void link.load(api, route.ceremonyId, location.origin);
      mount(StagePage, { target, props: { feed, locale, link, qrCodeUrl: api.qrCodeUrl(route.ceremonyId) } });
      return;
    }
    case 'overlay': {
      const { default: OverlayPage } = await import('../pages/OverlayPage.svelte');
      const feed = new CeremonyFeed();
      new ScreenConnection(feed, { ceremonyId: route.ceremonyId, role: Roles.overlay }).connect();
      mount(OverlayPage, { target, props: { feed, locale, background: route.background } });
      return;
    }
    case 'operator': {
      const [{ default: OperatorPage }, { OperatorConsole }] = await Promise.all([import('../pages/OperatorPage.svelte'), import('./operator-console.svelte')]);
      const operator = new OperatorConsole({
        api,
        ceremonyId: route.ceremonyId,
        onCeremonyChange: (ceremonyId) => {
          const url = new URL(location.href);
          url.searchParams.set('ceremony', ceremonyId);
          history.replaceState(history.state, '', url);
        },
      });
      mount(OperatorPage, { target, props: { console: operator, locale } });
      await operator.start();
      return;
    }
    case 'not_found':
      return showMessage(target, locale, 'notFound');
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

async function showMessage(target: HTMLElement, locale: Locale, message: MessageKey): Promise<void> {
  const { default: MessagePage } = await import('../pages/MessagePage.svelte');
  mount(MessagePage, { target, props: { locale, message } });
}
