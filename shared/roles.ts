/** The kinds of screen. Every one but the operator sees only the public projection. */
export const Roles = {
  audience: 'audience',
  stage: 'stage',
  overlay: 'overlay',
  operator: 'operator',
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];
export const ScreenRoles = [Roles.audience, Roles.stage, Roles.overlay] as const;
export type ScreenRole = (typeof ScreenRoles)[number];
