import { mount } from 'svelte';
import type { ArchiveRoute } from './archive-route';
import type { StartContext } from './start';

/** Wires an archive page: its state, loaded over REST (no socket), and its page component. */
export async function startArchivePage(route: ArchiveRoute, { target, locale, api }: StartContext): Promise<void> {
  const { CertificatesArchive, ResultsArchive } = await import('./archive.svelte');
  if (route.page === 'results') {
    const { default: ResultsPage } = await import('../pages/ResultsPage.svelte');
    const results = new ResultsArchive(api, route.ceremonyId);
    mount(ResultsPage, { target, props: { results, locale, onPrint: () => window.print() } });
    await results.load();
    return;
  }
  const { default: CertificatesPage } = await import('../pages/CertificatesPage.svelte');
  const certificates = new CertificatesArchive(api, route.ceremonyId);
  mount(CertificatesPage, { target, props: { certificates, locale, onPrint: () => window.print() } });
  await certificates.load();
}
