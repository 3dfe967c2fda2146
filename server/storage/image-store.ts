import type { ImageType } from '../../shared/studio';

/** An uploaded image (S32): its id is the sha256 of its bytes, so the same bytes are kept once. */
export interface StoredImage {
  /** sha256 of `bytes`, 64 hex digits. */
  id: string;
  /** The ceremony it was first uploaded for (the same bytes uploaded for another keep the first). */
  ceremonyId: string;
  type: ImageType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** Where images are kept (SQLite, PostgreSQL, memory): in the database, so every process serves them. */
export interface ImageStore {
  /** Keeps the image; an id already kept is left as it is (the same id is the same bytes). */
  put(image: StoredImage): Promise<void>;
  get(id: string): Promise<StoredImage | null>;
}

/** For tests of the layers above. */
export class MemoryImageStore implements ImageStore {
  private readonly images = new Map<string, StoredImage>();

  async put(image: StoredImage): Promise<void> {
    if (!this.images.has(image.id)) this.images.set(image.id, { ...image, bytes: Uint8Array.from(image.bytes) });
  }

  async get(id: string): Promise<StoredImage | null> {
    const found = this.images.get(id);
    return found ? { ...found, bytes: Uint8Array.from(found.bytes) } : null;
  }
}
