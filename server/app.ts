import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCodes, podiumError } from '../shared/errors';
import { OperatorAuth } from './access/auth';
import { Ceremonies, readCeremonyFolder } from './live/ceremonies';
import type { Config } from './config';
import { createArchiveApi } from './archive/archive-api';
import { createApi } from './http/http-api';
import { createCrewApi } from './http/crew-api';
import { createSessionApi } from './http/session-api';
import { CrewSignIn, type FirstProducerStart } from './access/crew-sign-in';
import { createReplayApi } from './runs/replay-api';
import { createSealApi } from './seal/seal-api';
import { createAttendanceApi } from './http/attendance-api';
import { clientErrorOf, jsonBody, requireBodyType, sameOriginWrites } from './http/http-boundary';
import { sendError } from './http/http-errors';
import { createLogger, type Logger } from './logger';
import { LoginLimit } from './access/login-limit';
import { RevokedSessions } from './access/revoked-sessions';
import { SocketGateway, startBroadcaster } from './delivery';
import { openStorage } from './storage/open-storage';
import { TwoKeys } from './approvals/two-keys';
import { ApprovalBoards } from './approvals/approval-board';
import { createTwoKeysApi } from './http/two-keys-api';
import { createStudioApi } from './http/studio-api';
import { createImagesApi } from './studio/images-api';
import { createSheetsApi } from './studio/sheets-api';

/** The client routes that serve the single-page app. */
const APP_ROUTES = ['/', '/c/:id', '/stage/:id', '/overlay/:id', '/operator', '/operator/studio', '/operator/studio/preview', '/results/:id', '/results/:id/verify', '/certificates/:id', '/d/:id/:organizationId', '/replay/:id', '/join/:token', '/presenter/:id'];

const securityHeaders = (_req: Request, res: Response, next: NextFunction) => {
  res.set({
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws: wss:; frame-src 'self' https:; object-src 'none'; base-uri 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  next();
};

export interface PodiumServer {
  url: string;
  port: number;
  auth: OperatorAuth;
  /** The first producer's passcode when this start made it or moved it from an old file (print once, never log). */
  firstProducer: FirstProducerStart;
  logger: Logger;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  /** Where the built client is; the API works without it. */
  distDir: string;
  logger?: Logger;
  now?: () => number;
}

/** Starts Podium: storage, ceremonies, HTTP API, static client, Socket.IO. */
export async function startPodium({ config, distDir, logger = createLogger(config.logLevel), now = Date.now }: StartOptions): Promise<PodiumServer> {
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const revokedSessions = await RevokedSessions.start(storage.sessions, now, logger);
  const auth = new OperatorAuth(config.dataDir, config.sessionKey, revokedSessions);
  const { signIn, firstProducer } = await CrewSignIn.start(storage.people, { dataDir: config.dataDir, configuredPasscode: config.operatorPasscode, producerName: config.producerName, now: now() });
  // Connecting to Redis (up to 5 s when it is down) overlaps the Socket.IO adapter's own wait.
  const loginLimitStarting = LoginLimit.start(config.redisUrl, logger);

  const app = express();
  app.disable('x-powered-by');
  // req.ip (login limits, logs) reads X-Forwarded-For only from the proxies TRUST_PROXY names.
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  // The core, then its sockets, then delivery (which sends through the sockets): no cycle.
  const ceremonies = new Ceremonies(storage.ceremonies, storage.events, { revealLeadMs: config.revealLeadMs }, storage.seals);
  const twoKeys = new TwoKeys({ store: storage.approvals, ceremonies, logger, now, newId: randomUUID });
  const gateway = new SocketGateway(httpServer, {
    ceremonies,
    auth,
    logger,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    now,
    newId: randomUUID,
    twoKeys,
  });
  const approvalBoards = new ApprovalBoards(twoKeys, { watched: () => gateway.approvalCeremonies(), show: (id, boards) => gateway.showApprovals(id, boards) }, logger);
  // Which events this process sends to which sockets: one process, or several sharing PostgreSQL (and Redis).
  const broadcaster = await startBroadcaster({ storage, redisUrl: config.redisUrl, gateway, logger });
  ceremonies.deliverTo(broadcaster);
  await ceremonies.seed(readCeremonyFolder(config.ceremoniesDir));
  const loginLimit = await loginLimitStarting;

  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // Before any router: a write with the session cookie from another origin, or a body of the wrong type, goes no further.
  app.use('/api', sameOriginWrites({ allowedOrigins: config.allowedOrigins, publicUrl: config.publicUrl }), requireBodyType);
  app.use('/api', createArchiveApi({ ceremonies, auth, publicUrl: config.publicUrl, now }));
  app.use('/api', createReplayApi({ ceremonies, replays: gateway.replays, auth, publicUrl: config.publicUrl, now }));
  app.use('/api', createSessionApi({ auth, signIn, people: storage.people, logger, loginLimit, now }), createCrewApi({ auth, people: storage.people, ceremonies, logger, publicUrl: config.publicUrl, now }));
  app.use('/api', createSealApi({ ceremonies, seals: storage.seals, auth, logger, now, newId: randomUUID }));
  app.use('/api', createAttendanceApi({ ceremonies, auth, logger, now, newId: randomUUID }));
  app.use('/api', createTwoKeysApi({ twoKeys, ceremonies, auth, now }));
  app.use('/api', createStudioApi({ ceremonies, twoKeys, versions: storage.ceremonies, drafts: storage.drafts, auth, logger, sampleFile: path.join(config.ceremoniesDir, 'sample-awards.json'), now, newId: randomUUID }));
  app.use('/api', createImagesApi({ images: storage.images, auth, logger, now }));
  app.use('/api/studio', createSheetsApi({ auth, now }));
  app.use('/api', jsonBody('1mb'), createApi({ twoKeys, ceremonies, auth, logger, publicUrl: config.publicUrl, now, newId: randomUUID }));
  const indexHtml = path.join(distDir, 'index.html');
  app.use(express.static(distDir, { index: false, maxAge: '1h', setHeaders: (res, file) => file.includes(`${path.sep}assets${path.sep}`) && res.set('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.get(APP_ROUTES, (_req, res) => {
    if (!fs.existsSync(indexHtml)) return sendError(res, podiumError(ErrorCodes.notFound, 'The client is not built: run `npm run build`.'));
    res.set('Cache-Control', 'no-cache').sendFile(indexHtml);
  });
  app.use((_req, res) => sendError(res, podiumError(ErrorCodes.notFound, 'Not found.')));
  // Bad JSON and other request errors: a clear code, never a stack trace.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const clientError = clientErrorOf(error);
    if (clientError) return sendError(res, clientError);
    logger.error({ err: error }, 'request failed');
    sendError(res, podiumError(ErrorCodes.internal, 'The server could not handle this request.'));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    auth,
    firstProducer,
    logger,
    async close() {
      revokedSessions.close();
      approvalBoards.close();
      // No new connection from here on; then every open one is cut. (Socket.IO's close, like the
      // HTTP server's, waits until every connection has ended: a browser's keep-alive connection
      // or a half-sent request would hold the stop for minutes.)
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const gatewayClosed = gateway.close();
      httpServer.closeAllConnections();
      await gatewayClosed;
      await httpClosed;
      await broadcaster.close();
      await loginLimit.close();
      await storage.close();
    },
  };
}
