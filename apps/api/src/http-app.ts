import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './common/http-exception.filter';
import { ENV, type Env } from './config/env';

/** Builds the HTTP application (used by main.ts and by the tests). */
export async function createHttpApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  const env = app.get<Env>(ENV);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'self'", 'blob:'],
        'frame-src': ["'self'", 'blob:'],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  }));
  app.use('/api', express.json({ limit: '1mb' }));
  app.enableCors({ exposedHeaders: ['Content-Range', 'Content-Disposition', 'Content-Length'] });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('职业院校装备制造类二级院系协同创新联盟 成员征集 API')
    .setDescription('The HTTP contract of the alliance membership campaign (notice 机教中〔2024〕9号). Lists follow ra-data-simple-rest.')
    .setVersion('1.0').addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveConsole(app, env);
  return app;
}

/** In production the API serves the built console at `/`. */
function serveConsole(app: NestExpressApplication, env: Env): void {
  const dist = env.ADMIN_DIST ?? join(__dirname, '../../admin/dist');
  if (!existsSync(join(dist, 'index.html'))) return;
  const serve = express.static(dist, { index: 'index.html', maxAge: '1h' });
  // registered before the API's routes: keep it off /api, where it would stat() a file per request
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    (req.path === '/api' || req.path.startsWith('/api/') ? next() : serve(req, res, next)));
}
