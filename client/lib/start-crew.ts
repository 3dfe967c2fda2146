import { mount } from 'svelte';
import { LIVE_RUN_ID } from '../../shared/runs';
import { Locale } from './locale.svelte';
import type { Route } from './route';
import type { StartContext } from './start';

type CrewRoute = Extract<Route, { page: 'operator' | 'studio' | 'studio_preview' | 'replay' | 'join' | 'presenter' }>;

/** Wires a crew page (console, studio, presenter, joining) or watch-again: loaded only for those routes. */
export async function startCrewPage(route: CrewRoute, { target, locale, api }: StartContext): Promise<void> {
  switch (route.page) {
    case 'operator': {
      const [{ default: OperatorPage }, { OperatorConsole }] = await Promise.all([import('../pages/OperatorPage.svelte'), import('./operator-console.svelte')]);
      const operator = new OperatorConsole({
        api,
        ceremonyId: route.ceremonyId,
        runId: route.runId,
        onCeremonyChange: (ceremonyId, runId) => {
          const url = new URL(location.href);
          url.searchParams.set('ceremony', ceremonyId);
          if (runId === LIVE_RUN_ID) url.searchParams.delete('run');
          else url.searchParams.set('run', runId);
          history.replaceState(history.state, '', url);
        },
      });
      mount(OperatorPage, { target, props: { console: operator, locale } });
      await operator.start();
      return;
    }
    case 'studio': {
      const [{ default: StudioPage }, { Studio, isStudioTab }, { StudioApi }, { CrewApi }] = await Promise.all([
        import('../pages/StudioPage.svelte'),
        import('./studio.svelte'),
        import('./studio-api'),
        import('./crew-api'),
      ]);
      const studio = new Studio(new StudioApi(), new CrewApi(), (ceremonyId, tab) => {
        const url = new URL(location.href);
        if (ceremonyId) url.searchParams.set('ceremony', ceremonyId);
        else url.searchParams.delete('ceremony');
        url.searchParams.set('tab', tab);
        history.replaceState(history.state, '', url);
      });
      mount(StudioPage, { target, props: { studio, locale } });
      await studio.start(route.ceremonyId, isStudioTab(route.tab) ? route.tab : 'ceremonies');
      return;
    }
    case 'studio_preview': {
      const [{ default: StudioPreviewPage }, { StudioApi }] = await Promise.all([import('../pages/studio/StudioPreviewPage.svelte'), import('./studio-api')]);
      // The frame's language is its URL's: a switch inside a preview must not change the studio's remembered one.
      const frameLocale = new Locale({ storage: null, root: document.documentElement, urlLang: new URL(location.href).searchParams.get('lang') ?? locale.lang });
      mount(StudioPreviewPage, { target, props: { api: new StudioApi(), route, locale: frameLocale } });
      return;
    }
    case 'replay': {
      const [{ default: WatchAgainPage }, { WatchAgain }] = await Promise.all([import('../pages/WatchAgainPage.svelte'), import('./watch-again.svelte')]);
      const player = new WatchAgain({ api, ceremonyId: route.ceremonyId, runId: route.runId });
      mount(WatchAgainPage, { target, props: { player, locale } });
      await player.load();
      return;
    }
    case 'join': {
      const [{ default: JoinPage }, { JoinDesk }, { CrewApi }] = await Promise.all([import('../pages/JoinPage.svelte'), import('./join.svelte'), import('./crew-api')]);
      // Joined and signed in (the cookie is set): into the console.
      const join = new JoinDesk(new CrewApi(), route.token, () => location.assign('/operator'));
      mount(JoinPage, { target, props: { join, locale } });
      await join.load();
      return;
    }
    case 'presenter': {
      const [{ default: PresenterPage }, { PresenterFeed }] = await Promise.all([import('../pages/PresenterPage.svelte'), import('./presenter-feed.svelte')]);
      const presenter = new PresenterFeed(route.ceremonyId);
      mount(PresenterPage, { target, props: { presenter, locale } });
      presenter.open();
      return;
    }
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}
