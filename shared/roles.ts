/** The kinds of screen. Every one but the operator sees only the public projection. */
export const Roles = {
  audience: 'audience',
  stage: 'stage',
  overlay: 'overlay',
  /** An audience screen opened from an organization's delegate link: counted present for it. */
  delegate: 'delegate',
  operator: 'operator',
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];
export const ScreenRoles = [Roles.audience, Roles.stage, Roles.overlay, Roles.delegate] as const;
export type ScreenRole = (typeof ScreenRoles)[number];

/** Where a delegate watches from. */
export const DelegateLocations = ['hall', 'remote'] as const;
export type DelegateLocation = (typeof DelegateLocations)[number];
