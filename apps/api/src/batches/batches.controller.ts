import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { idFilter, parseListQuery, setContentRange, textFilter } from '../common/list-query';
import { ApiBodyFrom } from '../common/openapi';
import { stripReadOnly } from '../common/records';
import { idParam, parse } from '../common/validation';
import { Batch } from './batch.entity';
import { BATCH_SORTABLE } from './batches.repository';
import { BatchesService } from './batches.service';

const BatchSchema = z
  .strictObject({
    name: z.string().trim().min(1, '请填写批次名称').max(100),
    opensAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    deadline: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  })
  .refine((b) => b.deadline > b.opensAt, { message: '截止时间必须晚于开始时间', path: ['deadline'] });

const BatchFilterSchema = z.strictObject({ id: idFilter.optional(), q: textFilter.optional() });

/** Everyone signed in reads the batches; the lead writes them. */
@ApiTags('batches')
@Controller('batches')
export class BatchesController {
  constructor(private readonly batches: BatchesService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<Batch[]> {
    const q = parseListQuery(query, BatchFilterSchema, BATCH_SORTABLE, ['deadline', 'DESC']);
    const [rows, total] = await this.batches.list(q);
    setContentRange(res, 'batches', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  one(@Param('id') id: string): Promise<Batch> {
    return this.batches.get(idParam(id));
  }

  @Roles('lead')
  @Post()
  @ApiBodyFrom(BatchSchema)
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Batch> {
    return this.batches.create(parse(BatchSchema, body), user);
  }

  @Roles('lead')
  @Put(':id')
  @ApiBodyFrom(BatchSchema)
  update(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<Batch> {
    return this.batches.update(idParam(id), parse(BatchSchema, stripReadOnly(body)), user);
  }

  @Roles('lead')
  @Delete(':id')
  remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<Batch> {
    return this.batches.remove(idParam(id), user);
  }
}
