import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { AuditRepository } from '../audit/audit.repository';
import { conflict, notFound } from '../common/errors';
import { idFilter, parseListQuery, setContentRange, textFilter } from '../common/list-query';
import { rethrowUniqueAsConflict, stripReadOnly } from '../common/records';
import { idParam, parse } from '../common/validation';
import { Batch } from './batch.entity';

const BatchSchema = z
  .strictObject({
    name: z.string().trim().min(1, '请填写批次名称').max(100),
    opensAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    deadline: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  })
  .refine((b) => b.deadline > b.opensAt, { message: '截止时间必须晚于开始时间', path: ['deadline'] });

const BatchFilterSchema = z.strictObject({ id: idFilter.optional(), q: textFilter.optional() });

/** Batches (征集批次): everyone signed in reads them; the lead creates them and moves deadlines. */
@ApiTags('batches')
@Controller('batches')
export class BatchesController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<Batch[]> {
    const q = parseListQuery(query, BatchFilterSchema, ['id', 'name', 'opensAt', 'deadline'], ['deadline', 'DESC']);
    const qb = this.db.getRepository(Batch).createQueryBuilder('b');
    if (q.filter.id) qb.andWhere('b.id IN (:...ids)', { ids: q.filter.id });
    if (q.filter.q) qb.andWhere('b.name ILIKE :q', { q: `%${q.filter.q}%` });
    const column = { id: 'b.id', name: 'b.name', opensAt: 'b.opens_at', deadline: 'b.deadline' }[q.sort.field]!;
    const [rows, total] = await qb.orderBy(column, q.sort.order).offset(q.offset).limit(q.limit).getManyAndCount();
    setContentRange(res, 'batches', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  async one(@Param('id') id: string): Promise<Batch> {
    return (await this.db.getRepository(Batch).findOneBy({ id: idParam(id) })) ?? Promise.reject(notFound('批次'));
  }

  @Roles('lead')
  @Post()
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Batch> {
    const input = parse(BatchSchema, body);
    return this.db.transaction(async (m) => {
      const batch = await m.getRepository(Batch).save(m.getRepository(Batch).create(input));
      await this.audit.record(m, user, { action: 'create', entity: 'batch', entityId: batch.id, data: { ...input } });
      return batch;
    }).catch(rethrowUniqueAsConflict);
  }

  @Roles('lead')
  @Put(':id')
  update(@Param('id') rawId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Batch> {
    const id = idParam(rawId);
    const input = parse(BatchSchema, stripReadOnly(body));
    return this.db.transaction(async (m) => {
      const before = await m.getRepository(Batch).findOneBy({ id });
      if (!before) throw notFound('批次');
      await m.getRepository(Batch).update({ id }, input);
      await this.audit.record(m, user, { action: 'update', entity: 'batch', entityId: id, data: { before: { ...before }, after: { ...input } } });
      return (await m.getRepository(Batch).findOneBy({ id }))!;
    }).catch(rethrowUniqueAsConflict);
  }

  @Roles('lead')
  @Delete(':id')
  remove(@Param('id') rawId: string, @CurrentUser() user: AuthUser): Promise<Batch> {
    const id = idParam(rawId);
    return this.db.transaction(async (m) => {
      const batch = await m.getRepository(Batch).findOneBy({ id });
      if (!batch) throw notFound('批次');
      const [{ used }] = await m.query(
        `SELECT EXISTS (SELECT 1 FROM council_applications WHERE batch_id = $1) OR EXISTS (SELECT 1 FROM member_applications WHERE batch_id = $1) AS used`, [id]);
      if (used) throw conflict('该批次已有申报，不能删除');
      await m.getRepository(Batch).delete({ id });
      await this.audit.record(m, user, { action: 'delete', entity: 'batch', entityId: id, data: { name: batch.name } });
      return batch;
    });
  }
}
