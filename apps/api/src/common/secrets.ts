import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A fresh single-use token: 32 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What is stored of a token: its SHA-256. The token itself never reaches the database in clear. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Links in queued mail carry tokens that are stored only as hashes; the outbox keeps the link
 * sealed with AES-256-GCM under a key derived from TOKEN_SECRET, and the worker opens it to render.
 */
function key(secret: string): Buffer {
  return createHash('sha256').update(`mail-seal:${secret}`).digest();
}

export function seal(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal(sealed: string, secret: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
