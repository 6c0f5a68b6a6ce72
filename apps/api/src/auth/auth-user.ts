import type { ActingUser, Role } from '@alliance/domain';

/** The user a request acts as, loaded fresh from the database on every request. */
export interface AuthUser extends ActingUser {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  schoolId: number | null;
}

export const isStaff = (u: AuthUser): boolean => u.roles.some((r) => r === 'center_reviewer' || r === 'coordinator' || r === 'lead');
export const hasRole = (u: AuthUser, ...roles: Role[]): boolean => u.roles.some((r) => roles.includes(r));
