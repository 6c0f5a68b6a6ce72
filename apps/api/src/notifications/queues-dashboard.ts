import { Controller, HttpCode, Inject, Injectable, Logger, OnModuleInit, Optional, Post, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hasRole, type AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { TokenService } from '../auth/token.service';
import { ENV, type Env } from '../config/env';
import { UsersRepository } from '../users/users.repository';
import { MailQueues } from './mail-queues';

/** Where bull-board is served (the API's global prefix is `api`). */
export const DASHBOARD_PATH = '/api/queues';
export const DASHBOARD_COOKIE = 'alliance_queues';
const SESSION_TTL_S = 30 * 60;
const TICKET_TTL_S = 60;

type Kind = 'ticket' | 'session';
interface Claims {
  sub: number;
  kind: Kind;
  exp: number;
  jti: string;
}

/**
 * Tokens of the queue dashboard only: HMAC-SHA256 under a key derived from TOKEN_SECRET for this
 * purpose, in a two-part format the API's bearer check rejects (a dashboard cookie is not an API
 * token, and a ticket is not a session).
 */
export class DashboardTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`queues-dashboard:${secret}`).digest();
  }

  issue(userId: number, kind: Kind, ttlSeconds: number): { token: string; expiresAt: Date } {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const body = Buffer.from(JSON.stringify({ sub: userId, kind, exp, jti: randomBytes(12).toString('base64url') })).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string, kind: Kind): Claims | null {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
      if (claims.kind !== kind || !Number.isSafeInteger(claims.sub) || claims.exp * 1000 < Date.now()) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/**
 * bull-board at /api/queues, for the lead only. A request passes with any of:
 * - `Authorization: Bearer <access token>` of an active lead (API clients);
 * - the `alliance_queues` cookie (HttpOnly, Path=/api/queues, SameSite=Lax, 30 minutes), set by
 *   `POST /api/queues/session` (bearer, lead) or when a ticket is redeemed;
 * - `?ticket=…`: a single-use ticket valid 60 seconds, returned by `POST /api/queues/session`.
 *   The console cannot send a header on a page navigation, so it POSTs for a ticket and opens
 *   `/api/queues?ticket=…`; the API sets the cookie and redirects to the same page without it.
 * The user is re-read on every request: a deactivated account or a lost lead role closes it.
 */
@Injectable()
export class QueuesDashboard implements OnModuleInit {
  private readonly logger = new Logger(QueuesDashboard.name);
  readonly tokens: DashboardTokens;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly queues: MailQueues,
    private readonly apiTokens: TokenService,
    private readonly users: UsersRepository,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {
    this.tokens = new DashboardTokens(env.TOKEN_SECRET);
  }

  onModuleInit(): void {
    const http = this.adapterHost?.httpAdapter;
    if (!http) return;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.all.map((q) => new BullMQAdapter(q)),
      // @bull-board/express 9.10.1 carries its own copy of @bull-board/api's types (9.10.1 vs 9.10.2)
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: '联盟邮件队列', hideDocsLink: true } },
    });
    http.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
      this.authenticate(req, res, next).catch(next);
    }, serverAdapter.getRouter());
    this.logger.log(`Queue dashboard mounted at ${DASHBOARD_PATH} (lead only)`);
  }

  /** Sets the session cookie; used after a POST with a bearer token and when a ticket is redeemed. */
  setSessionCookie(req: Request, res: Response, userId: number): void {
    const { token } = this.tokens.issue(userId, 'session', SESSION_TTL_S);
    res.cookie(DASHBOARD_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', secure: req.secure, path: DASHBOARD_PATH, maxAge: SESSION_TTL_S * 1000,
    });
  }

  private async authenticate(req: Request, res: Response, next: NextFunction): Promise<void> {
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : null;
    if (ticket) {
      const claims = this.tokens.verify(ticket, 'ticket');
      if (!claims || !(await this.redeem(claims))) return deny(res, 401, '队列面板链接已失效，请从管理控制台重新打开');
      const user = await this.users.findActive(claims.sub);
      if (!user) return deny(res, 401, '请先登录');
      if (!hasRole(user, 'lead')) return deny(res, 403, '只有联盟负责人可以查看队列面板');
      this.setSessionCookie(req, res, user.id);
      const url = new URL(req.originalUrl, 'http://localhost');
      url.searchParams.delete('ticket');
      return res.redirect(303, `${url.pathname}${url.search}`);
    }
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const cookie = readCookie(req, DASHBOARD_COOKIE);
    const userId = bearer ? this.apiTokens.verify(bearer) : cookie ? this.tokens.verify(cookie, 'session')?.sub ?? null : null;
    const user = userId ? await this.users.findActive(userId) : null;
    if (!user) return deny(res, 401, '请先登录');
    if (!hasRole(user, 'lead')) return deny(res, 403, '只有联盟负责人可以查看队列面板');
    if (!this.queues.ready) return deny(res, 503, '队列服务（Redis）暂不可用，请稍后再试');
    next();
  }

  /** A ticket works once: its id is recorded in Redis for as long as it is valid. */
  private async redeem(claims: Claims): Promise<boolean> {
    if (!this.queues.ready) return false;
    const ttl = Math.max(1, claims.exp * 1000 - Date.now());
    const ok = await this.queues.redis.set(`${this.env.QUEUE_PREFIX}:dashboard-ticket:${claims.jti}`, '1', 'PX', ttl, 'NX');
    return ok === 'OK';
  }
}

/** `POST /api/queues/session`: a ticket for opening the dashboard in a new window, and the cookie. */
@ApiTags('queues')
@Controller('queues')
export class QueuesSessionController {
  constructor(private readonly dashboard: QueuesDashboard) {}

  @Roles('lead')
  @Post('session')
  @HttpCode(200)
  session(@CurrentUser() user: AuthUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.dashboard.setSessionCookie(req, res, user.id);
    const { token, expiresAt } = this.dashboard.tokens.issue(user.id, 'ticket', TICKET_TTL_S);
    return { ticket: token, url: `${DASHBOARD_PATH}?ticket=${encodeURIComponent(token)}`, expiresAt };
  }
}

function deny(res: Response, status: 401 | 403 | 503, message: string): void {
  const error = { 401: 'Unauthorized', 403: 'Forbidden', 503: 'Service Unavailable' }[status];
  res.status(status).json({ statusCode: status, error, message });
}

function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
