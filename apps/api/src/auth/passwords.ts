import * as argon2 from 'argon2';
import { LIMITS } from '@alliance/domain';
import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, ARGON2_OPTIONS);

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the account does not exist, so timing tells nothing. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(`decoy-${Math.random()}`));

export const PasswordSchema = z
  .string()
  .min(LIMITS.passwordMinLength, `密码至少${LIMITS.passwordMinLength}位`)
  .max(200, '密码过长')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), '密码过于常见，请换一个');
