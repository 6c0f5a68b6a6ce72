import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBodyFrom } from '../common/openapi';
import type { Request } from 'express';
import { parse } from '../common/validation';
import type { AuthUser } from './auth-user';
import { LoginSchema, RegisterSchema, VerifyEmailSchema } from './auth.schemas';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './decorators';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @ApiBodyFrom(LoginSchema)
  @HttpCode(200)
  login(@Body() body: unknown, @Req() req: Request) {
    const { email, password } = parse(LoginSchema, body);
    return this.auth.login(email, password, req.ip ?? 'unknown');
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Public()
  @Post('register')
  @ApiBodyFrom(RegisterSchema)
  @HttpCode(202)
  register(@Body() body: unknown) {
    return this.auth.register(parse(RegisterSchema, body) as never);
  }

  @Public()
  @Post('verify-email')
  @ApiBodyFrom(VerifyEmailSchema)
  @HttpCode(200)
  verifyEmail(@Body() body: unknown) {
    return this.auth.verifyEmail(parse(VerifyEmailSchema, body).token);
  }
}
