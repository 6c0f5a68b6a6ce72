import type { ApplicationKind } from '@alliance/domain';
import { AppError } from '../common/errors';

/** URL resource of each application kind. */
export const RESOURCE_OF: Record<ApplicationKind, string> = {
  council: 'council-applications',
  member: 'member-applications',
};

export function kindOfResource(resource: string): ApplicationKind {
  if (resource === RESOURCE_OF.council) return 'council';
  if (resource === RESOURCE_OF.member) return 'member';
  throw new AppError('not_found', '请求的资源不存在');
}
