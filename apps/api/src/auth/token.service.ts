import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ENV, type Env } from '../config/env';

/** Short-lived HS256 bearer tokens. Only HS256 with our key is accepted: `alg: none` and other keys fail. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(ENV) env: Env) {
    this.jwt = new JwtService({
      secret: env.TOKEN_SECRET,
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
