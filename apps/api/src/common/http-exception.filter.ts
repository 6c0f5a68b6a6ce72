import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, FieldError } from './errors';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** Errors that mean "PostgreSQL is not there right now": the client should retry, so 503, not 500. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
function isDatabaseUnavailable(exception: unknown): boolean {
  const e = exception as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|already released|not queryable/i.test(e?.message ?? '');
}

/** The one place where errors become HTTP: `{ statusCode, error, message, details? }`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, message, details } = this.describe(exception);
    if (status === 503) this.logger.warn(`database unavailable: ${(exception as Error)?.message}`);
    else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body: Record<string, unknown> = { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message };
    if (details !== undefined) body.details = details;
    if (status === 400 && Array.isArray(details)) {
      // react-admin shows `errors` beside the form inputs
      body.errors = Object.fromEntries((details as FieldError[]).map((d) => [d.path, d.message]));
    }
    res.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; message: string; details?: unknown } {
    if (exception instanceof AppError) return { status: exception.status, message: exception.message, details: exception.details };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return { status, message: status === 404 ? '请求的资源不存在' : message };
    }
    // body-parser and multer errors carry a status of their own
    const e = exception as { status?: number; statusCode?: number; type?: string; code?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = e.type === 'entity.parse.failed' ? '请求体不是有效的 JSON' : e.type === 'entity.too.large' ? '请求体过大' : (e.message ?? 'Bad request');
      return { status, message };
    }
    if (isDatabaseUnavailable(exception)) return { status: HttpStatus.SERVICE_UNAVAILABLE, message: '服务暂时不可用，请稍后重试' };
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: '服务器内部错误' };
  }
}
