import type { Recipient } from './ceremony';
import type { ResultsExport } from './results-export';
import type { Text } from './text';

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
}

/** A certificate for each revealed recipient, in the export's order: category by category, best place first, then mentions. */
export function certificatesOf(archive: ResultsExport): Certificate[] {
  return archive.categories.flatMap((cat) =>
    [...cat.results, ...cat.mentions].map((r) => ({
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
    })),
  );
}

/** GET /api/ceremonies/:id/certificates.json (operator only). */
export interface CertificatesExport {
  ceremonyId: string;
  status: ResultsExport['status'];
  certificates: Certificate[];
}
