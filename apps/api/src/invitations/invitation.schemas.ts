import { codesOf, EXPERT_DUTY, INVITATION_STATE, type Role } from '@alliance/domain';
import { z } from 'zod';
import { EmailSchema } from '../auth/auth.schemas';
import { PasswordSchema } from '../auth/passwords';
import { anyOf, idFilter, textFilter } from '../common/list-query';

/** The roles the lead may invite: experts (notice 五(四)) and, as a product decision, staff. */
export const INVITABLE_ROLES = ['expert', 'center_reviewer', 'coordinator'] as const satisfies readonly Role[];

export const InviteSchema = z
  .strictObject({
    email: EmailSchema,
    name: z.string().trim().min(1, '请填写姓名').max(50, '不能超过50个字符'),
    role: z.enum(INVITABLE_ROLES, '只能邀请特邀专家、中心审核员或联络员'),
    duty: z.enum(codesOf(EXPERT_DUTY), '职责应为组织、协调或督导').nullish(),
    organization: z.string().trim().max(100, '不能超过100个字符').nullish(),
    message: z.string().trim().max(1000, '不能超过1000个字符').nullish(),
  })
  .refine((i) => i.role !== 'expert' || !!i.duty, { path: ['duty'], message: '特邀专家须选择职责（组织、协调或督导）' });
export type InviteInput = z.output<typeof InviteSchema>;

/** A token as the mail link carries it (32 random bytes, base64url); anything else is simply not found. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

export const AcceptSchema = z.strictObject({
  token: z.string().regex(TOKEN_PATTERN, '邀请链接无效'),
  password: PasswordSchema,
  name: z.string().trim().min(1, '请填写姓名').max(50, '不能超过50个字符').optional(),
});
export type AcceptInput = z.output<typeof AcceptSchema>;

export const InvitationFilterSchema = z.strictObject({
  id: idFilter.optional(),
  state: anyOf(z.enum(codesOf(INVITATION_STATE))).optional(),
  role: anyOf(z.enum(INVITABLE_ROLES)).optional(),
  duty: anyOf(z.enum(codesOf(EXPERT_DUTY))).optional(),
  q: textFilter.optional(),
});
export type InvitationFilter = z.output<typeof InvitationFilterSchema>;
export const INVITATION_SORTABLE = ['id', 'email', 'name', 'createdAt', 'expiresAt', 'acceptedAt'];
