/** The archive's pages: a ceremony's public results page and its certificates (operator only). */
export type ArchiveRoute = { page: 'results'; ceremonyId: string } | { page: 'certificates'; ceremonyId: string } | { page: 'verify'; ceremonyId: string };

const archivePath = /^\/(results|certificates)\/([^/]+)\/?$/;
/** The seal's verify page (S31): public, under the results. */
const verifyPath = /^\/results\/([^/]+)\/verify\/?$/;

export function parseArchiveRoute(pathname: string): ArchiveRoute | null {
  const verify = verifyPath.exec(pathname);
  if (verify) return { page: 'verify', ceremonyId: decoded(verify[1]!) };
  const match = archivePath.exec(pathname);
  if (!match) return null;
  return { page: match[1] === 'results' ? 'results' : 'certificates', ceremonyId: decoded(match[2]!) };
}

function decoded(segment: string): string {
  let ceremonyId = segment;
  try {
    ceremonyId = decodeURIComponent(ceremonyId);
  } catch {
    // A malformed escape: keep the segment as it is; the server answers unknown_ceremony.
  }
  return ceremonyId;
}
