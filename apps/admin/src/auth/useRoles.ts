import { useMemo } from 'react';
import { usePermissions } from 'react-admin';
import type { Role } from '@alliance/domain';
import { getUser } from './session';

/**
 * The roles of the signed-in user. They are read synchronously from the stored session so that
 * a list mounts with the right defaults at once; usePermissions keeps them fresh.
 */
export function useRoles(): Role[] {
  const { permissions } = usePermissions<Role[]>();
  return useMemo(() => (Array.isArray(permissions) ? permissions : (getUser()?.roles ?? [])), [permissions]);
}
