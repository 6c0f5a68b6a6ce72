import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXPERT_DUTY, ROLE, type InvitationState } from '@alliance/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/passwords';
import { AuditRepository } from '../audit/audit.repository';
import { CLOCK, type Clock } from '../common/clock';
import { AppError, conflict, notFound } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { rethrowUniqueAsConflict } from '../common/records';
import { hashToken, newToken, seal } from '../common/secrets';
import { ENV, type Env } from '../config/env';
import { Outbox } from '../notifications/outbox';
import { UsersRepository } from '../users/users.repository';
import { Invitation } from './invitation.entity';
import { AcceptInput, InvitationFilter, InviteInput } from './invitation.schemas';
import { InvitationsRepository } from './invitations.repository';

export interface InvitationView {
  id: number;
  email: string;
  name: string;
  role: string;
  duty: string | null;
  organization: string | null;
  message: string | null;
  state: InvitationState;
  expiresAt: Date;
  createdAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  lastSentAt: Date;
  sentCount: number;
  invitedBy: number;
  userId: number | null;
}

/** What the accept page shows to the holder of a valid link. */
export interface InvitationPreview {
  email: string;
  name: string;
  role: string;
  roleLabel: string;
  duty: string | null;
  dutyLabel: string | null;
  organization: string | null;
  message: string | null;
  expiresAt: Date;
}

const DAY_MS = 86_400_000;

export function stateOf(i: Pick<Invitation, 'state' | 'expiresAt'>, now: Date): InvitationState {
  return i.state === 'pending' && i.expiresAt.getTime() <= now.getTime() ? 'expired' : i.state;
}

const view = (i: Invitation, now: Date): InvitationView => ({
  id: i.id, email: i.email, name: i.name, role: i.role, duty: i.duty, organization: i.organization, message: i.message,
  state: stateOf(i, now), expiresAt: i.expiresAt, createdAt: i.createdAt, acceptedAt: i.acceptedAt, revokedAt: i.revokedAt,
  lastSentAt: i.lastSentAt, sentCount: i.sentCount, invitedBy: i.invitedBy, userId: i.userId,
});

/** Why a link no longer works; an unknown (or replaced) token is simply not found. */
const UNUSABLE: Record<Exclude<InvitationState, 'pending'>, string> = {
  accepted: '该邀请已被接受，请直接登录',
  expired: '邀请链接已过期，请联系联盟负责人重新发送',
  revoked: '该邀请已被撤销',
};
const INVALID_LINK = '邀请链接无效或已失效';

/**
 * Invitations of experts and staff (notice 五(四)): the lead invites by email, the invitee
 * accepts through a single-use link that expires, which creates the account.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly db: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditRepository,
  ) {}

  async list(q: ListQuery<InvitationFilter>): Promise<[InvitationView[], number]> {
    const now = this.clock.now();
    const [rows, total] = await this.invitations.list(q, now);
    return [rows.map((r) => view(r, now)), total];
  }

  async get(id: number): Promise<InvitationView> {
    const row = await this.invitations.findById(id);
    if (!row) throw notFound('邀请');
    return view(row, this.clock.now());
  }

  async invite(input: InviteInput, actor: AuthUser): Promise<InvitationView> {
    const now = this.clock.now();
    const token = newToken();
    return this.db.transaction(async (m) => {
      await this.invitations.lockEmail(m, input.email);
      if (await this.users.findByEmail(input.email, m)) throw conflict('该邮箱已有账号');
      if (await this.invitations.livePending(m, input.email, now)) throw conflict('该邮箱已有待接受的邀请，可重发或撤销');
      const row = await this.invitations.insert(m, {
        email: input.email, name: input.name, role: input.role, duty: input.duty ?? null,
        organization: input.organization || null, message: input.message || null, state: 'pending',
        tokenHash: hashToken(token), expiresAt: this.expiry(now), invitedBy: actor.id,
        createdAt: now, lastSentAt: now, sentCount: 1,
      });
      await this.sendMail(m, row, token, actor);
      await this.audit.record(m, actor, {
        action: 'invite', entity: 'invitation', entityId: row.id, data: { email: row.email, role: row.role, duty: row.duty },
      });
      return view(row, now);
    });
  }

  /** A new token and a new expiry; the old link stops working. */
  async resend(id: number, actor: AuthUser): Promise<InvitationView> {
    const now = this.clock.now();
    const token = newToken();
    return this.db.transaction(async (m) => {
      const row = await this.invitations.lock(m, id);
      if (!row) throw notFound('邀请');
      if (row.state !== 'pending') throw conflict(row.state === 'accepted' ? '该邀请已被接受，无需重发' : '该邀请已被撤销，不能重发');
      if (await this.users.findByEmail(row.email, m)) throw conflict('该邮箱已有账号');
      const values = { tokenHash: hashToken(token), expiresAt: this.expiry(now), lastSentAt: now, sentCount: row.sentCount + 1 };
      await this.invitations.update(m, id, values);
      const updated = Object.assign(row, values);
      await this.sendMail(m, updated, token, actor);
      await this.audit.record(m, actor, { action: 'resend', entity: 'invitation', entityId: id, data: { email: row.email } });
      return view(updated, now);
    });
  }

  async revoke(id: number, actor: AuthUser): Promise<InvitationView> {
    const now = this.clock.now();
    return this.db.transaction(async (m) => {
      const row = await this.invitations.lock(m, id);
      if (!row) throw notFound('邀请');
      if (row.state !== 'pending') throw conflict(row.state === 'accepted' ? '该邀请已被接受，不能撤销' : '该邀请已被撤销');
      const values = { state: 'revoked' as const, revokedAt: now };
      await this.invitations.update(m, id, values);
      await this.audit.record(m, actor, { action: 'revoke', entity: 'invitation', entityId: id, data: { email: row.email } });
      return view(Object.assign(row, values), now);
    });
  }

  /** Who is invited, for the accept page; only while the link can still be used. */
  async preview(token: string): Promise<InvitationPreview> {
    const row = this.usable(await this.invitations.findByTokenHash(hashToken(token)), this.clock.now());
    return {
      email: row.email, name: row.name, role: row.role, roleLabel: ROLE[row.role].zh, duty: row.duty,
      dutyLabel: row.duty ? EXPERT_DUTY[row.duty].zh : null, organization: row.organization, message: row.message,
      expiresAt: row.expiresAt,
    };
  }

  /** Creates the account (active, email verified: the link proved the address) and uses the token up. */
  async accept(input: AcceptInput): Promise<{ invitation: InvitationView; user: { id: number; email: string; name: string; roles: string[] } }> {
    const hash = hashToken(input.token);
    // a cheap check first, so a dead link costs no password hash
    this.usable(await this.invitations.findByTokenHash(hash), this.clock.now());
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const row = this.usable(await this.invitations.findByTokenHash(hash, m, true), now);
      await this.invitations.lockEmail(m, row.email);
      if (await this.users.findByEmail(row.email, m)) throw conflict('该邮箱已有账号，请直接登录');
      const user = await this.users.insert(m, {
        email: row.email, name: input.name ?? row.name, passwordHash, roles: [row.role], schoolId: null,
        active: true, emailVerifiedAt: now,
      });
      const values = { state: 'accepted' as const, acceptedAt: now, userId: user.id };
      await this.invitations.update(m, row.id, values);
      await this.audit.record(m, { id: user.id, email: user.email }, {
        action: 'accept', entity: 'invitation', entityId: row.id, data: { userId: user.id, role: row.role },
      });
      return {
        invitation: view(Object.assign(row, values), now),
        user: { id: user.id, email: user.email, name: user.name, roles: user.roles },
      };
    }).catch(rethrowUniqueAsConflict);
  }

  private usable(row: Invitation | null, now: Date): Invitation {
    if (!row) throw new AppError('not_found', INVALID_LINK);
    const state = stateOf(row, now);
    if (state !== 'pending') throw new AppError('conflict', UNUSABLE[state], { state });
    return row;
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.env.INVITATION_TTL_DAYS * DAY_MS);
  }

  private async sendMail(m: EntityManager, row: Invitation, token: string, inviter: AuthUser): Promise<void> {
    const base = this.env.PUBLIC_URL.replace(/\/+$/, '');
    await this.outbox.enqueue(m, [{
      template: 'invitation', toEmail: row.email, invitationId: row.id,
      data: {
        name: row.name, role: row.role, roleLabel: ROLE[row.role].zh, duty: row.duty,
        dutyLabel: row.duty ? EXPERT_DUTY[row.duty].zh : null, message: row.message, inviterName: inviter.name,
        expiresAt: row.expiresAt.toISOString(),
        link: seal(`${base}/#/accept-invitation?token=${token}`, this.env.TOKEN_SECRET),
      },
    }]);
  }
}
