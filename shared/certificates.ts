import type { Recipient } from './ceremony';
import type { ResultsExport } from './results-export';
import type { Text } from './text';
import type { Theme } from './theme';

/** One certificate: one revealed recipient, at its place in its category. */
export interface Certificate {
  ceremonyTitle: Text;
  edition?: Text;
  venue?: Text;
  date: ResultsExport['date'];
  categoryId: string;
  categoryTitle: Text;
  categoryKind: ResultsExport['categories'][number]['kind'];
  section?: Text;
  /** The prize's title, e.g. «گواهی اهتمام به تعالی در آمادگی دولت الکترونیک». */
  prize?: Text;
  /** The place, or null for an honourable mention. */
  place: number | null;
  mention: boolean;
  recipient: Recipient;
  /**
   * The certificate's number, stable across exports: `<ceremony>/<category>/<slot>-<position>`, the
   * slot being the place (`m` for the honourable mentions) and the position the recipient's among
   * those in that slot, from 1 (a tie's second is `1-2`). E.g. `egov-award-1399/g2g/1-1`.
   */
  number: string;
}

/** The number of the `position`th (from 1) recipient at `place` (null: an honourable mention). */
export function certificateNumber(ceremonyId: string, categoryId: string, place: number | null, position: number): string {
  return `${ceremonyId}/${categoryId}/${place === null ? 'm' : place}-${position}`;
}

/** A certificate for each revealed recipient, in the export's order: category by category, best place first, then mentions. */
export function certificatesOf(archive: ResultsExport): Certificate[] {
  return archive.categories.flatMap((cat) =>
    [...cat.results, ...cat.mentions].map((r, i, all) => ({
      ceremonyTitle: archive.title,
      ...(archive.edition ? { edition: archive.edition } : {}),
      ...(archive.venue ? { venue: archive.venue } : {}),
      date: archive.date,
      categoryId: cat.id,
      categoryTitle: cat.title,
      categoryKind: cat.kind,
      ...(cat.section ? { section: cat.section } : {}),
      ...(cat.prize ? { prize: cat.prize } : {}),
      place: r.place,
      mention: r.mention,
      recipient: r.recipient,
      number: certificateNumber(archive.ceremonyId, cat.id, r.mention ? null : r.place, all.slice(0, i + 1).filter((o) => o.mention === r.mention && o.place === r.place).length),
    })),
  );
}

/** GET /api/ceremonies/:id/certificates.json (operator only). */
export interface CertificatesExport {
  ceremonyId: string;
  status: ResultsExport['status'];
  certificates: Certificate[];
  /** The ceremony's theme (public): the certificates' logo, colours and face. */
  theme?: Theme;
}
