import { Logger } from '@nestjs/common';
import { ENV, type Env } from './config/env';
import { createHttpApp } from './http-app';

async function main(): Promise<void> {
  const app = await createHttpApp();
  const env = app.get<Env>(ENV);
  await app.listen(env.PORT, '0.0.0.0');
  new Logger('Main').log(`API listening on http://localhost:${env.PORT}/api (docs at /api/docs)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
