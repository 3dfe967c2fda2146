/** Which screen a URL asks for. The server falls back to index.html for each of these paths. */
export type Route =
  | { page: 'audience'; ceremonyId: string | null }
  | { page: 'stage'; ceremonyId: string }
  | { page: 'overlay'; ceremonyId: string; background: string | null }
  | { page: 'operator'; ceremonyId: string | null }
  | { page: 'not_found' };

const screenPath = /^\/(c|stage|overlay)\/([^/]+)\/?$/;

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  if (pathname === '/' || pathname === '') return { page: 'audience', ceremonyId: null };
  if (pathname === '/operator' || pathname === '/operator/') return { page: 'operator', ceremonyId: params.get('ceremony') || null };
  const match = screenPath.exec(pathname);
  if (!match) return { page: 'not_found' };
  const ceremonyId = decodeURIComponent(match[2]!);
  switch (match[1]) {
    case 'c':
      return { page: 'audience', ceremonyId };
    case 'stage':
      return { page: 'stage', ceremonyId };
    default:
      return { page: 'overlay', ceremonyId, background: safeColour(params.get('background')) };
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
