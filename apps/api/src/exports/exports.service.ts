import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { shanghaiDate } from '@alliance/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditRepository } from '../audit/audit.repository';
import { CLOCK, type Clock } from '../common/clock';
import { ExportColumn, COUNCIL_COLUMNS, MEMBER_COLUMNS, ROSTER_COLUMNS } from './columns';
import { BATCH, ExportsRepository, RowSource } from './exports.repository';
import { Progress, writeCsv, writeXlsx } from './writers';

export type ExportResource = 'council-applications' | 'member-applications' | 'members';
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  resource: ExportResource;
  format: ExportFormat;
  /** The parsed filter, as the list of the same resource takes it. */
  filter: Record<string, unknown>;
}

interface ExportSpec {
  /** File name before the date, and the sheet name. */
  title: string;
  entity: string;
  columns: ExportColumn<never>[];
  query: (repo: ExportsRepository, user: AuthUser, filter: never) => [string, unknown[]];
}

const SPECS: Record<ExportResource, ExportSpec> = {
  'council-applications': {
    title: '理事单位申报表', entity: 'council_application', columns: COUNCIL_COLUMNS as ExportColumn<never>[],
    query: (repo, user, filter) => repo.applicationsQuery('council', user, filter),
  },
  'member-applications': {
    title: '成员申报表', entity: 'member_application', columns: MEMBER_COLUMNS as ExportColumn<never>[],
    query: (repo, user, filter) => repo.applicationsQuery('member', user, filter),
  },
  members: {
    title: '成员名录', entity: 'member', columns: ROSTER_COLUMNS as ExportColumn<never>[],
    query: (repo, _user, filter) => repo.rosterQuery(filter),
  },
};

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** RFC 6266: an ASCII fallback and the UTF-8 name in `filename*`. */
export function contentDisposition(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Exports stream every row matching the filter from a cursor to the response; nothing holds the
 * whole set. Each export leaves an audit event (user, filter, format, row count), written when
 * the stream ends and before the response is closed.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('ExportsService');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly exports: ExportsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async export(req: ExportRequest, user: AuthUser, res: Response): Promise<void> {
    const spec = SPECS[req.resource];
    const date = shanghaiDate(this.clock.now());
    const source: RowSource = await this.exports.stream(spec.query(this.exports, user, req.filter as never), BATCH[req.format]);
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPE[req.format]);
    res.setHeader('Content-Disposition', contentDisposition(`${req.resource}_${date}.${req.format}`, `${spec.title}_${date}.${req.format}`));
    res.setHeader('Cache-Control', 'no-store');

    const progress: Progress = { rows: 0 };
    let failure: unknown = null;
    try {
      if (req.format === 'csv') await writeCsv(source.rows, spec.columns, res, progress);
      else await writeXlsx(source.rows, spec.columns, res, spec.title, progress);
    } catch (e) {
      failure = e;
    } finally {
      source.release(failure !== null);
    }

    await this.db.transaction((m) => this.audit.record(m, user, {
      action: 'export', entity: spec.entity,
      data: { resource: req.resource, format: req.format, filter: req.filter, rows: progress.rows, completed: failure === null },
    }));

    if (failure === null) {
      res.end();
      return;
    }
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      throw failure;
    }
    if (res.destroyed) {
      this.logger.warn(`export of ${req.resource} stopped after ${progress.rows} rows: the client went away`);
      return;
    }
    throw failure; // the error filter logs it and cuts the response
  }
}
