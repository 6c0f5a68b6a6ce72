import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { ENV, type Env } from '../config/env';

/** Short-lived HS256 bearer tokens. Only HS256 with our key is accepted: `alg: none` and other keys fail. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(ENV) env: Env) {
    // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public
    // key on every verification, which costs more than the HMAC itself.
    const key = createSecretKey(Buffer.from(env.TOKEN_SECRET, 'utf8'));
    this.jwt = new JwtService({
      secretOrKeyProvider: () => key as unknown as string,
      signOptions: { algorithm: 'HS256', expiresIn: env.TOKEN_TTL_SECONDS, issuer: 'alliance' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'alliance' },
    });
  }

  issue(userId: number): string {
    return this.jwt.sign({ sub: String(userId) });
  }

  /** The user id of a valid token, or null for anything else (bad signature, expired, malformed). */
  verify(token: string): number | null {
    try {
      const payload = this.jwt.verify<{ sub?: string }>(token);
      const id = Number(payload.sub);
      return Number.isSafeInteger(id) && id > 0 ? id : null;
    } catch {
      return null;
    }
  }
}
