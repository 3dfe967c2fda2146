import { ErrorCodes } from './errors';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, type ImageType } from './studio';

/**
 * The check of an uploaded image (S32), on its bytes alone: PNG, JPEG or WebP, read far enough to
 * know its kind, its dimensions and that it is whole. Nothing else is taken (no SVG: a script can
 * hide in it). The image is not re-encoded: it is served as the type its bytes are, never another.
 * Pure, so that the studio can say in its own language why a file was refused.
 */

/** Why an image was refused: stable, for the studio's messages. */
export const ImageRefusals = {
  empty: 'empty',
  tooManyBytes: 'too_many_bytes',
  /** Not PNG, JPEG or WebP (SVG included). */
  notAnImage: 'not_an_image',
  svg: 'svg',
  /** The bytes are one of the three, but the upload said another type. */
  typeMismatch: 'type_mismatch',
  /** The file stops before the image's end, or its structure is broken. */
  broken: 'broken',
  tooLarge: 'too_large',
} as const;
export type ImageRefusal = (typeof ImageRefusals)[keyof typeof ImageRefusals];

export type ImageCheck =
  | { ok: true; type: ImageType; width: number; height: number }
  | {
      ok: false;
      code: typeof ErrorCodes.unsupportedMediaType | typeof ErrorCodes.invalidMessage;
      refusal: ImageRefusal;
      message: string;
      /** For too_large: the image's size. */
      size?: { width: number; height: number };
    };

const names: Record<ImageType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/** The declared type of an upload (a Content-Type, parameters and case aside), if it is one of IMAGE_TYPES. */
export function imageTypeOf(contentType: string | undefined): ImageType | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (IMAGE_TYPES as readonly string[]).includes(type) ? (type as ImageType) : null;
}

/** Checks `bytes` as an image declared as `declared` (the upload's Content-Type). */
export function checkImage(bytes: Uint8Array, declared: string | undefined): ImageCheck {
  const refuse = (refusal: ImageRefusal, message: string, size?: Size): ImageCheck => ({
    ok: false,
    code: refusal === 'not_an_image' || refusal === 'svg' || refusal === 'type_mismatch' ? ErrorCodes.unsupportedMediaType : ErrorCodes.invalidMessage,
    refusal,
    message,
    ...(size ? { size } : {}),
  });
  if (bytes.length === 0) return refuse('empty', 'The image is empty.');
  if (bytes.length > MAX_IMAGE_BYTES) return refuse('too_many_bytes', `The image is ${bytes.length} bytes; at most ${MAX_IMAGE_BYTES} are taken.`);
  const type = sniff(bytes);
  if (!type) {
    return looksLikeText(bytes)
      ? refuse('svg', 'SVG (or any text) is not taken as an image: send PNG, JPEG or WebP.')
      : refuse('not_an_image', 'This file is not a PNG, JPEG or WebP image.');
  }
  const said = imageTypeOf(declared);
  if (said !== type) return refuse('type_mismatch', `The file is a ${names[type]} image, but it was sent as ${declared?.trim() || 'no type'}: send it as ${type}.`);
  const size = type === 'image/png' ? pngSize(bytes) : type === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  if (typeof size === 'string') return refuse('broken', `The ${names[type]} image is broken or cut short: ${size}.`);
  if (size.width < 1 || size.height < 1) return refuse('broken', `The ${names[type]} image says it is ${size.width}×${size.height} pixels.`);
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    return refuse('too_large', `The image is ${size.width}×${size.height} pixels; each side may be at most ${MAX_IMAGE_SIDE}.`, size);
  }
  return { ok: true, type, ...size };
}

type Size = { width: number; height: number };

function sniff(b: Uint8Array): ImageType | null {
  if (startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** An SVG, an HTML page, an XML file: text beginning with `<` (after a BOM and white space). */
function looksLikeText(b: Uint8Array): boolean {
  let i = startsWith(b, 0, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c;
}

/** PNG: IHDR first, then every chunk whole, up to IEND, and nothing after it. */
function pngSize(b: Uint8Array): Size | string {
  let at = 8;
  let size: Size | null = null;
  for (;;) {
    if (at + 8 > b.length) return 'it ends before its IEND chunk';
    const length = u32be(b, at);
    const kind = ascii(b, at + 4, 4);
    if (at + 12 + length > b.length) return `its ${kind} chunk is cut short`;
    if (size === null) {
      if (kind !== 'IHDR' || length !== 13) return 'it does not begin with an IHDR chunk';
      size = { width: u32be(b, at + 8), height: u32be(b, at + 12) };
    }
    at += 12 + length;
    if (kind === 'IEND') return at === b.length ? size : 'it has data after its IEND chunk';
  }
}

/** JPEG: a frame header (SOFn) before the scan, and an end marker (EOI); data after EOI is allowed (phones keep a second picture there). */
function jpegSize(b: Uint8Array): Size | string {
  let at = 2;
  let size: Size | null = null;
  while (at < b.length) {
    if (b[at] !== 0xff) return 'a marker is missing between its segments';
    const marker = b[at + 1];
    if (marker === undefined) break;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) return size ?? 'it has no frame header (SOF)';
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) break;
    const length = u16be(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) break;
    if (isFrameHeader(marker)) {
      if (length < 8) return 'its frame header is too short';
      size = { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + length;
    if (marker === 0xda) {
      if (size === null) return 'its scan comes before any frame header (SOF)';
      at = afterScan(b, at);
    }
  }
  return 'it ends before its end marker (EOI)';
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Past the entropy-coded data of a scan: to the next marker that is not a stuffed 0x00 or a restart. */
function afterScan(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] !== 0xff) continue;
    const next = b[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  return b.length;
}

/** WebP: a RIFF whose size is the file's, its chunks whole, the first VP8, VP8L or VP8X. */
function webpSize(b: Uint8Array): Size | string {
  if (b.length < 20) return 'it ends inside its header';
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length) return 'it is shorter than its RIFF header says';
  if (riffEnd < b.length) return 'it has data after its RIFF chunk';
  let size: Size | string | null = null;
  for (let at = 12; at < riffEnd; ) {
    if (at + 8 > riffEnd) return 'a chunk header is cut short';
    const kind = ascii(b, at, 4);
    const length = u32le(b, at + 4);
    const body = at + 8;
    if (body + length > riffEnd) return `its ${kind.trim()} chunk is cut short`;
    if (size === null) size = webpFrameSize(kind, b.subarray(body, body + length));
    at = body + length + (length % 2);
  }
  return size ?? 'it holds no image';
}

function webpFrameSize(kind: string, c: Uint8Array): Size | string {
  switch (kind) {
    case 'VP8 ':
      // A key frame: 3 bytes of frame tag, the start code 9D 01 2A, then 14-bit width and height.
      if (c.length < 10 || (c[0]! & 1) !== 0 || !startsWith(c, 3, [0x9d, 0x01, 0x2a])) return 'its VP8 frame header is broken';
      return { width: u16le(c, 6) & 0x3fff, height: u16le(c, 8) & 0x3fff };
    case 'VP8L': {
      if (c.length < 5 || c[0] !== 0x2f) return 'its VP8L header is broken';
      const bits = u32le(c, 1);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      if (c.length < 10) return 'its VP8X header is broken';
      return { width: u24le(c, 4) + 1, height: u24le(c, 7) + 1 };
    default:
      return `its first chunk is ${JSON.stringify(kind)}, not VP8, VP8L or VP8X`;
  }
}

function startsWith(b: Uint8Array, at: number, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => b[at + i] === byte);
}
function ascii(b: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...b.subarray(at, at + length));
}
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
