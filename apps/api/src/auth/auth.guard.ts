import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@alliance/domain';
import type { Request } from 'express';
import { AppError } from '../common/errors';
import { UsersRepository } from '../users/users.repository';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { TokenService } from './token.service';

/** Global guard: every endpoint needs a valid bearer token unless marked @Public(); @Roles() narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: unknown }>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header);
    // built only when thrown: an Error captures a stack trace, on every request otherwise
    const unauthenticated = () => new AppError('unauthenticated', '请先登录');
    if (!match) throw unauthenticated();
    const userId = this.tokens.verify(match[1]);
    if (userId === null) throw unauthenticated();
    const user = await this.users.findActive(userId);
    if (!user) throw unauthenticated();
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !user.roles.some((r) => roles.includes(r))) throw new AppError('forbidden', '当前角色无权进行此操作');
    return true;
  }
}
