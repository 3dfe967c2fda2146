/**
 * The crew: named people who sign in, each with one role. What each role may do is the table
 * below, checked by the server on every route, socket message and push (docs/spec.md S29).
 */
export const CrewRoles = ['producer', 'operator', 'results_officer', 'stage_manager', 'presenter'] as const;
export type CrewRole = (typeof CrewRoles)[number];

/** What a request or a message may need. */
export const Capabilities = [
  /** Open the console (read-only for those with nothing more): the run of show, who is signed in. */
  'console.view',
  /** See unrevealed results: the next cue's preview, the definition with its results, exports. */
  'results.see',
  /** GO, hold, resume, announce, jump, retract, set a channel. */
  'run.drive',
  /** Rename, move, reload screens. */
  'screens.manage',
  /** The keyed stage and overlay links, and the delegates' links. */
  'screens.links',
  /** Import a definition, import or correct results. */
  'results.edit',
  /** Seal the results before the show. */
  'results.seal',
  /** Start a rehearsal on stand-ins; list, import and replay runs. */
  'rehearsal.start',
  /** Start a rehearsal on the real results. */
  'rehearsal.real',
  /** People, invitations, API tokens, ending sessions, the two-keys settings. */
  'crew.manage',
  /** The presenter's screen (S33): the script, and a reveal's names once the operator arms it. */
  'presenter.view',
] as const;
export type Capability = (typeof Capabilities)[number];

const everything: readonly Capability[] = Capabilities;

export const RolePermissions: Record<CrewRole, readonly Capability[]> = {
  producer: everything,
  operator: ['console.view', 'results.see', 'run.drive', 'screens.manage', 'screens.links', 'rehearsal.start', 'presenter.view'],
  results_officer: ['console.view', 'results.see', 'results.edit', 'results.seal', 'rehearsal.start', 'rehearsal.real'],
  stage_manager: ['console.view', 'screens.links'],
  presenter: ['console.view', 'presenter.view'],
};

export function can(role: CrewRole, capability: Capability): boolean {
  return RolePermissions[role].includes(capability);
}

export function isCrewRole(value: unknown): value is CrewRole {
  return typeof value === 'string' && (CrewRoles as readonly string[]).includes(value);
}

/** Who is acting: a signed-in person, or an API token acting with a role (and for one ceremony). */
export interface Principal {
  /** What ending the session (or revoking the token) cuts off. */
  sessionId: string;
  personId: string;
  /** The person's name (for a token: the name of the person who made it). */
  name: string;
  role: CrewRole;
  /** When signed in with an API token: its name. */
  token?: string;
  /** An API token works for this ceremony only. */
  ceremonyId?: string;
  /** When the session or token expires (ms). */
  exp: number;
}

/** Whether a principal may do something, for a ceremony (a token is scoped to one). */
export function allowed(principal: Principal, capability: Capability, ceremonyId?: string): boolean {
  if (principal.ceremonyId !== undefined && ceremonyId !== undefined && principal.ceremonyId !== ceremonyId) return false;
  return can(principal.role, capability);
}

/** Who acted, as the audit log, the as-run log and every event name them. */
export interface Actor {
  actor: string;
  actorRole?: CrewRole;
  /** The API token it came through. */
  token?: string;
  /** The second person who confirmed it (two keys). */
  confirmedBy?: string;
}

export function actorOf(principal: Principal): Actor {
  return { actor: principal.name, actorRole: principal.role, ...(principal.token ? { token: principal.token } : {}) };
}

/** The actor fields of anything that carries them (a command's context), for stamping an event. */
export function actorFields(from: Actor): Actor {
  return {
    actor: from.actor,
    ...(from.actorRole ? { actorRole: from.actorRole } : {}),
    ...(from.token ? { token: from.token } : {}),
    ...(from.confirmedBy ? { confirmedBy: from.confirmedBy } : {}),
  };
}
