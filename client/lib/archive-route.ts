/** The archive's pages: a ceremony's public results page and its certificates (operator only). */
export type ArchiveRoute = { page: 'results'; ceremonyId: string } | { page: 'certificates'; ceremonyId: string };

const archivePath = /^\/(results|certificates)\/([^/]+)\/?$/;

export function parseArchiveRoute(pathname: string): ArchiveRoute | null {
  const match = archivePath.exec(pathname);
  if (!match) return null;
  let ceremonyId = match[2]!;
  try {
    ceremonyId = decodeURIComponent(ceremonyId);
  } catch {
    // A malformed escape: keep the segment as it is; the server answers unknown_ceremony.
  }
  return { page: match[1] === 'results' ? 'results' : 'certificates', ceremonyId };
}
