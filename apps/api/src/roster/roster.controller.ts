import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/decorators';
import { parseListQuery, setContentRange } from '../common/list-query';
import { MemberRosterFilterSchema, ROSTER_SORTABLE } from './roster.schemas';
import { MemberView, RosterService } from './roster.service';

/** `members`: the roster, read-only; personal data, so staff only (DOMAIN.md, Personal data). */
@ApiTags('members')
@Roles('coordinator', 'lead', 'center_reviewer')
@Controller('members')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<MemberView[]> {
    const q = parseListQuery(query, MemberRosterFilterSchema, ROSTER_SORTABLE, ['id', 'ASC']);
    const [rows, total] = await this.roster.list(q);
    setContentRange(res, 'members', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  one(@Param('id') id: string): Promise<MemberView> {
    return this.roster.get(id);
  }
}
