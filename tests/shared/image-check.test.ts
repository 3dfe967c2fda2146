import { describe, expect, it } from 'vitest';
import { checkImage, imageTypeOf } from '../../shared/image-check';
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from '../../shared/studio';
import { jpegShape, pngBytes, SVG, webpExtendedShape, webpLosslessShape, webpLossyShape } from '../helpers/image-bytes';

const refusal = (bytes: Uint8Array, type: string) => {
  const checked = checkImage(bytes, type);
  return checked.ok ? 'ok' : `${checked.code}/${checked.refusal}`;
};

describe('[S32] the image check', () => {
  it('reads the kind and size of PNG, JPEG (every SOFn) and WebP (VP8, VP8L, VP8X)', () => {
    expect(checkImage(pngBytes(3, 2), 'image/png')).toEqual({ ok: true, type: 'image/png', width: 3, height: 2 });
    expect(checkImage(jpegShape(640, 480), 'image/jpeg')).toEqual({ ok: true, type: 'image/jpeg', width: 640, height: 480 });
    expect(checkImage(jpegShape(33, 44, { frame: 0xc2 }), 'image/jpeg; charset=binary')).toMatchObject({ ok: true, width: 33, height: 44 });
    expect(checkImage(webpLossyShape(300, 200), 'image/webp')).toMatchObject({ ok: true, type: 'image/webp', width: 300, height: 200 });
    expect(checkImage(webpLosslessShape(MAX_IMAGE_SIDE, 7), 'IMAGE/WEBP')).toMatchObject({ ok: true, width: MAX_IMAGE_SIDE, height: 7 });
    expect(checkImage(webpExtendedShape(1_000, 3), 'image/webp')).toMatchObject({ ok: true, width: 1_000, height: 3 });
  });

  it('refuses what is not PNG, JPEG or WebP, SVG first among them, as an unsupported type', () => {
    expect(refusal(new TextEncoder().encode(SVG), 'image/png')).toBe('unsupported_media_type/svg');
    expect(refusal(new TextEncoder().encode(`\uFEFF  ${SVG}`), 'image/png')).toBe('unsupported_media_type/svg');
    expect(refusal(Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]), 'image/png')).toBe('unsupported_media_type/not_an_image');
  });

  it('refuses bytes of one kind declared as another (or as nothing we take)', () => {
    expect(refusal(pngBytes(2, 2), 'image/jpeg')).toBe('unsupported_media_type/type_mismatch');
    expect(refusal(jpegShape(2, 2), 'image/webp')).toBe('unsupported_media_type/type_mismatch');
    expect(refusal(pngBytes(2, 2), 'image/svg+xml')).toBe('unsupported_media_type/type_mismatch');
    expect(refusal(pngBytes(2, 2), '')).toBe('unsupported_media_type/type_mismatch');
  });

  it('refuses a file cut short at any byte, or with data after its end (PNG, WebP)', () => {
    for (const [bytes, type] of [[pngBytes(5, 5), 'image/png'], [jpegShape(5, 5), 'image/jpeg'], [webpLossyShape(5, 5), 'image/webp'], [webpLosslessShape(5, 5), 'image/webp']] as const) {
      for (let length = 1; length < bytes.length; length++) {
        const cut = refusal(bytes.subarray(0, length), type);
        // A cut at the very start is no longer that kind of file at all.
        expect(['invalid_message/broken', 'unsupported_media_type/not_an_image'], `${type} cut to ${length}`).toContain(cut);
      }
    }
    expect(refusal(Buffer.concat([pngBytes(2, 2), Buffer.from('<html>')]), 'image/png')).toBe('invalid_message/broken');
    expect(refusal(Buffer.concat([webpLossyShape(2, 2), Buffer.from('xx')]), 'image/webp')).toBe('invalid_message/broken');
    // Phones keep a second picture after a JPEG's end marker (MPF): that is still the image.
    expect(refusal(Buffer.concat([jpegShape(2, 2), jpegShape(1, 1)]), 'image/jpeg')).toBe('ok');
  });

  it('refuses a side over MAX_IMAGE_SIDE, a zero side, an empty file and more than MAX_IMAGE_BYTES', () => {
    expect(refusal(pngBytes(MAX_IMAGE_SIDE + 1, 1), 'image/png')).toBe('invalid_message/too_large');
    expect(refusal(jpegShape(10, MAX_IMAGE_SIDE + 1), 'image/jpeg')).toBe('invalid_message/too_large');
    expect(refusal(webpExtendedShape(MAX_IMAGE_SIDE + 1, 1), 'image/webp')).toBe('invalid_message/too_large');
    expect(refusal(jpegShape(0, 10), 'image/jpeg')).toBe('invalid_message/broken');
    expect(refusal(new Uint8Array(), 'image/png')).toBe('invalid_message/empty');
    const huge = Buffer.concat([pngBytes(1, 1), Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(refusal(huge, 'image/png')).toBe('invalid_message/too_many_bytes');
    const message = (checkImage(pngBytes(5_000, 2), 'image/png') as { message: string }).message;
    expect(message).toBe(`The image is 5000×2 pixels; each side may be at most ${MAX_IMAGE_SIDE}.`);
  });

  it('takes the declared type from a Content-Type, parameters and case aside', () => {
    expect(imageTypeOf(' Image/PNG ; q=1')).toBe('image/png');
    expect(imageTypeOf('image/svg+xml')).toBeNull();
    expect(imageTypeOf(undefined)).toBeNull();
  });
});
