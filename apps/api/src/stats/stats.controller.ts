import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APPLICATION_KIND, codesOf, type ApplicationKind, type ApplicationState } from '@alliance/domain';
import { ApplicationsRepository } from '../applications/applications.repository';
import { hasRole, type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';

const KINDS = codesOf(APPLICATION_KIND);

/** The states that wait for each role's action ("待我处理"). */
function waitingStates(user: AuthUser): ApplicationState[] {
  const states: ApplicationState[] = [];
  if (hasRole(user, 'school_admin')) states.push('submitted');
  if (hasRole(user, 'center_reviewer', 'lead')) states.push('school_approved');
  if (hasRole(user, 'lead')) states.push('center_reviewed');
  return states;
}

/** Counts for the dashboard, over the applications the user may see. */
@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly applications: ApplicationsRepository) {}

  @Get()
  async stats(@CurrentUser() user: AuthUser) {
    const grouped = async (kind: ApplicationKind, column: string, departmentJoin?: string) => {
      const qb = this.applications.filtered(kind, user, {});
      if (departmentJoin) qb.leftJoin('departments', 'd', departmentJoin);
      return qb.select(column, 'key').addSelect('count(*)::int', 'count').groupBy(column).getRawMany<{ key: string | null; count: number }>();
    };
    const sum = (rows: { key: string | null; count: number }[][]) => {
      const out = new Map<string | null, number>();
      rows.flat().forEach((r) => out.set(r.key, (out.get(r.key) ?? 0) + r.count));
      return [...out.entries()];
    };
    const byState = await Promise.all(KINDS.map(async (kind) => (await grouped(kind, 'a.state')).map((r) => ({ kind, state: r.key, count: r.count }))));
    const bySchoolType = sum(await Promise.all(KINDS.map((k) => grouped(k, 's.type'))));
    const byProvince = sum(await Promise.all(KINDS.map((k) => grouped(k, 's.province'))));
    const byCategory = sum([
      await grouped('council', 'd.category', 'd.council_application_id = a.id'),
      await grouped('member', 'd.category', 'd.id = a.department_id'),
    ]);
    const waiting = waitingStates(user);
    let waitingForMe = 0;
    if (waiting.length) {
      for (const kind of KINDS) {
        waitingForMe += await this.applications.filtered(kind, user, { state: waiting }).getCount();
      }
    }
    if (hasRole(user, 'applicant')) {
      for (const kind of KINDS) waitingForMe += await this.applications.filtered(kind, user, { state: ['returned'], ownerId: [user.id] }).getCount();
    }
    return {
      byState: byState.flat(),
      bySchoolType: bySchoolType.map(([schoolType, count]) => ({ schoolType, count })),
      byDepartmentCategory: byCategory.map(([category, count]) => ({ category, count })),
      byProvince: byProvince.map(([province, count]) => ({ province, count })),
      waitingForMe,
    };
  }
}
