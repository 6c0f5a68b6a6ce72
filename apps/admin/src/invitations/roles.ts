import type { Role } from '@alliance/domain';

/** Whom the lead invites: experts (notice 五(四)) and, as the API decides, center reviewers and coordinators. */
export const INVITABLE_ROLES: readonly Role[] = ['expert', 'center_reviewer', 'coordinator'];
