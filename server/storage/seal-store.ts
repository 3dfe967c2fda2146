import type { CrewRole } from '../../shared/crew';
import type { SealCommitment } from '../../shared/seal';

/** A seal as the server keeps it: the public commitments and root, and the SECRET salts (S31). */
export interface StoredSeal {
  ceremonyId: string;
  /** 1, 2, … per ceremony, given by the store. */
  sealNo: number;
  /** The definition version whose results were sealed. */
  version: number;
  /** Per reveal cue id: its salt. Secret until that cue is revealed; never in a public frame. */
  salts: Record<string, string>;
  commitments: SealCommitment[];
  root: string;
  sealedBy: { name: string; role: CrewRole };
  sealedAt: number;
}

export type NewSeal = Omit<StoredSeal, 'sealNo'>;

/** Where seals are kept (SQLite, PostgreSQL, memory): numbered per ceremony, never changed. */
export interface SealStore {
  /** Keeps a seal under the next free number of its ceremony, and returns it with that number. */
  add(seal: NewSeal): Promise<StoredSeal>;
  get(ceremonyId: string, sealNo: number): Promise<StoredSeal | null>;
}

/** For tests of the layers above. */
export class MemorySealStore implements SealStore {
  private readonly seals: StoredSeal[] = [];

  async add(seal: NewSeal): Promise<StoredSeal> {
    const sealNo = this.seals.filter((s) => s.ceremonyId === seal.ceremonyId).length + 1;
    const kept = structuredClone({ ...seal, sealNo });
    this.seals.push(kept);
    return structuredClone(kept);
  }

  async get(ceremonyId: string, sealNo: number): Promise<StoredSeal | null> {
    const found = this.seals.find((s) => s.ceremonyId === ceremonyId && s.sealNo === sealNo);
    return found ? structuredClone(found) : null;
  }
}

/** A stored row's body: the seal without the key columns. */
export function sealBody(seal: NewSeal): string {
  const { ceremonyId: _ceremonyId, ...body } = seal;
  return JSON.stringify(body);
}

export function sealFromRow(ceremonyId: string, sealNo: number, body: string | object): StoredSeal {
  const parsed = (typeof body === 'string' ? JSON.parse(body) : body) as Omit<StoredSeal, 'ceremonyId' | 'sealNo'>;
  return { ...parsed, ceremonyId, sealNo };
}
