import { z } from 'zod';

const DEV_SECRET = 'development-only-token-secret-change-me-0123456789';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').default('postgres://postgres@127.0.0.1:5432/alliance'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    /** API processes sharing the port (main.ts); each has its own pool of DATABASE_POOL_SIZE. */
    API_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    /** Without it, mails are written as .eml files into MAIL_DIR. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional(),
    MAIL_FROM: z.string().default('职业院校装备制造类二级院系协同创新联盟 <noreply@alliance.local>'),
    MAIL_DIR: z.string().default('var/mail'),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(7200),
    ADMIN_EMAIL: z.string().email().default('lead@alliance.local'),
    ADMIN_PASSWORD: z.string().min(8).default('Lead#2024pass'),
    UPLOAD_DIR: z.string().default('var/uploads'),
    ADMIN_DIST: z.string().optional(),
    QUEUE_PREFIX: z.string().regex(/^[\w-]+$/).default('alliance'),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    REMINDER_DAYS_BEFORE_DEADLINE: z.coerce.number().int().min(1).max(60).default(3),
    REVIEW_REMINDER_AFTER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    MAIL_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    MAIL_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
    RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.TOKEN_SECRET !== DEV_SECRET, {
    message: 'TOKEN_SECRET must be set in production',
    path: ['TOKEN_SECRET'],
  });

export type Env = z.infer<typeof EnvSchema>;
export const ENV = Symbol('ENV');

/** Reads and validates the environment once; a bad setting stops the boot with every problem named. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
