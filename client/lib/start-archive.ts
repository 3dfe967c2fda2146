import { mount } from 'svelte';
import type { ArchiveRoute } from './archive-route';
import type { StartContext } from './start';

/** Wires an archive page: its state, loaded over REST (no socket), and its page component. */
export async function startArchivePage(route: ArchiveRoute, { target, locale, api }: StartContext): Promise<void> {
  if (route.page === 'verify') {
    const [{ default: VerifyPage }, { SealCheck }] = await Promise.all([import('../pages/VerifyPage.svelte'), import('./seal-check.svelte')]);
    const check = new SealCheck(api, route.ceremonyId);
    mount(VerifyPage, { target, props: { check, locale } });
    await check.load();
    return;
  }
  const { CertificatesArchive, ResultsArchive } = await import('./archive.svelte');
  if (route.page === 'results') {
    const [{ default: ResultsPage }, { SealStatus }] = await Promise.all([import('../pages/ResultsPage.svelte'), import('./seal-check.svelte')]);
    const results = new ResultsArchive(api, route.ceremonyId);
    const seal = new SealStatus(api, () => route.ceremonyId);
    mount(ResultsPage, { target, props: { results, seal, locale, onPrint: () => window.print() } });
    await Promise.all([results.load(), seal.load()]);
    return;
  }
  const { default: CertificatesPage } = await import('../pages/CertificatesPage.svelte');
  const certificates = new CertificatesArchive(api, route.ceremonyId);
  mount(CertificatesPage, { target, props: { certificates, locale, onPrint: () => window.print() } });
  await certificates.load();
}
