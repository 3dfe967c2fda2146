import zlib from 'node:zlib';

/** Small images built byte by byte, for tests of the image check and the upload (S32). */

function chunk(kind: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(kind, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of `width`×`height` grey pixels (8-bit greyscale), decodable by any viewer. */
export function pngBytes(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

/** The structure of a baseline JPEG (SOI, APP0, SOF0, SOS with scan data, EOI): enough for the check, not for a decoder. */
export function jpegShape(width: number, height: number, { frame = 0xc0 }: { frame?: number } = {}): Buffer {
  const segment = (marker: number, data: number[]) => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(frame, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56,
    0xff, 0xd9,
  ]);
}

/** A WebP RIFF with one chunk of `kind` holding `data`. */
export function webpOf(kind: 'VP8 ' | 'VP8L' | 'VP8X', data: number[]): Buffer {
  const padded = data.length % 2 ? [...data, 0] : data;
  const body = Buffer.concat([Buffer.from('WEBP'), Buffer.from(kind, 'latin1'), le32(data.length), Buffer.from(padded)]);
  return Buffer.concat([Buffer.from('RIFF'), le32(body.length), body]);
}

function le32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** A lossless WebP header of `width`×`height` (VP8L: 14 bits each, minus one). */
export function webpLosslessShape(width: number, height: number): Buffer {
  const bits = ((width - 1) | ((height - 1) << 14)) >>> 0;
  return webpOf('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff, 0, 0, 0]);
}

/** A lossy WebP key frame header of `width`×`height`. */
export function webpLossyShape(width: number, height: number): Buffer {
  return webpOf('VP8 ', [0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, width & 0xff, width >> 8, height & 0xff, height >> 8, 0, 0]);
}

/** An extended WebP header (VP8X) of `width`×`height` canvas, as an animated one begins. */
export function webpExtendedShape(width: number, height: number): Buffer {
  const w = width - 1;
  const h = height - 1;
  return webpOf('VP8X', [0x02, 0, 0, 0, w & 0xff, (w >> 8) & 0xff, w >> 16, h & 0xff, (h >> 8) & 0xff, h >> 16]);
}

export const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
