import { STAFF_ROLES, type Role } from '@alliance/domain';

/** Whom the lead invites: experts (notice 五(四)) and, as a product decision, staff. */
export const INVITABLE_ROLES: readonly Role[] = ['expert', ...STAFF_ROLES];
