/**
 * Socket.IO's heartbeat, the same on the server (which pings) and on screens (which expect the
 * pings). The defaults (25 s + 20 s) left a phone whose network silently dropped showing
 * "connected" for ~45 s. Every 5 s with 5 s to answer: the server drops a dead socket within
 * 10 s, and a screen says it has lost the link once a ping is late by HEARTBEAT_GRACE_MS.
 * The cost: at 10,000 sockets, 2,000 ping/pong pairs a second, a few bytes each (well under
 * 2 Mbit/s with TCP/IP headers). 5 s to answer keeps a slow phone network from flapping.
 * docs/deployment.md explains the choice.
 */
export const HEARTBEAT = { pingIntervalMs: 5_000, pingTimeoutMs: 5_000 } as const;
