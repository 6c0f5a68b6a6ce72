import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/decorators';
import { notFound } from '../common/errors';
import { anyOf, idFilter, parseListQuery, setContentRange } from '../common/list-query';
import { idParam } from '../common/validation';
import { AuditEvent } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

const FilterSchema = z.strictObject({
  id: idFilter.optional(),
  entity: anyOf(z.string().max(50)).optional(),
  entityId: z.coerce.string().max(50).optional(),
  action: anyOf(z.string().max(50)).optional(),
  actorId: idFilter.optional(),
});

/** The audit log, read-only for the lead. */
@ApiTags('audit-events')
@Roles('lead')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<AuditEvent[]> {
    const q = parseListQuery(query, FilterSchema, ['id', 'at']);
    const [rows, total] = await this.audit.list(q);
    setContentRange(res, 'audit-events', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  async one(@Param('id') id: string): Promise<AuditEvent> {
    const [[row]] = await this.audit.list({ filter: { id: [idParam(id)] }, offset: 0, limit: 1, sort: { field: 'id', order: 'ASC' } });
    if (!row) throw notFound('审计记录');
    return row;
  }
}
