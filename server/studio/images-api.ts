import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { checkImage } from '../../shared/image-check';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, type UploadedImage } from '../../shared/studio';
import type { OperatorAuth } from '../access/auth';
import { crewAccess } from '../http/http-access';
import { sendError } from '../http/http-errors';
import type { Logger } from '../logger';
import type { ImageStore } from '../storage/image-store';

export interface ImagesApiOptions {
  images: ImageStore;
  auth: OperatorAuth;
  logger: Logger;
  now: () => number;
}

const IMAGE_ID = /^[0-9a-f]{64}$/;
const CEREMONY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The body as bytes, at most MAX_IMAGE_BYTES: a bigger one is refused with the limit named. */
function imageBody() {
  const raw = express.raw({ type: [...IMAGE_TYPES], limit: MAX_IMAGE_BYTES });
  return (req: Request, res: Response, next: NextFunction) =>
    raw(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        return sendError(res, podiumError(ErrorCodes.invalidMessage, `The image is larger than ${MAX_IMAGE_BYTES} bytes, the most that is taken.`));
      }
      next(error);
    });
}

/**
 * The studio's images (S32): uploaded by whoever may edit the ceremony, served to anyone who has
 * the id. An id is the sha256 of the image's bytes, so it cannot be guessed without the image.
 */
export function createImagesApi({ images, auth, logger, now }: ImagesApiOptions): express.Router {
  const api = express.Router();
  const { need } = crewAccess(auth, now);

  api.post('/studio/ceremonies/:id/images', need('results.edit'), imageBody(), async (req, res, next) => {
    try {
      const ceremonyId = String(req.params.id);
      if (!CEREMONY_ID.test(ceremonyId)) return sendError(res, podiumError(ErrorCodes.invalidMessage, `"${ceremonyId}" is not a ceremony id.`));
      const bytes: unknown = req.body;
      const body = Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array();
      const checked = checkImage(body, req.headers['content-type']);
      if (!checked.ok) return sendError(res, podiumError(checked.code, checked.message));
      const id = createHash('sha256').update(body).digest('hex');
      await images.put({ id, ceremonyId, type: checked.type, width: checked.width, height: checked.height, bytes: body });
      logger.info({ ceremonyId, imageId: id, type: checked.type, bytes: body.length }, 'image uploaded');
      const answer: UploadedImage = { id, type: checked.type, width: checked.width, height: checked.height, bytes: body.length };
      res.status(201).json(answer);
    } catch (error) {
      next(error);
    }
  });

  api.get('/images/:id', async (req, res, next) => {
    try {
      const image = IMAGE_ID.test(req.params.id) ? await images.get(req.params.id) : null;
      if (!image) return sendError(res, podiumError(ErrorCodes.notFound, 'There is no image with this id.'));
      // The id is the content's hash: the same URL is the same bytes forever. Served as exactly the
      // type its bytes were checked to be, never sniffed as another, and never run as a document.
      res.set({
        'Content-Type': image.type,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
      });
      res.send(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength));
    } catch (error) {
      next(error);
    }
  });

  return api;
}
