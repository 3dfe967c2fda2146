import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/700.css';
import '@fontsource/vazirmatn/900.css';
// The other bundled faces a theme may choose (shared/theme.ts): only the weights the screens use,
// Noto Naskh only its Arabic script (its Latin falls to the Latin face). The browser fetches a
// face's file only when a page uses it.
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-900.css';
import './app.css';
import { PodiumApi } from './lib/api';
import { t } from './lib/i18n';
import { Locale } from './lib/locale.svelte';
import { parseRoute } from './lib/route';
import { start } from './lib/start';

const target = document.getElementById('app')!;
const locale = Locale.fromBrowser();

start(parseRoute(location.pathname, location.search), { target, locale, api: new PodiumApi() }).catch((error: unknown) => {
  console.error(error);
  target.textContent = t(locale.lang, 'loadFailed');
});
