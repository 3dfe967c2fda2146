/** Where an uploaded image (a logo, a photo: S32) is served, by its id (the sha256 of its bytes). */
export function imageUrl(imageId: string): string {
  return `/api/images/${encodeURIComponent(imageId)}`;
}
