import { Module } from '@nestjs/common';
import { RosterModule } from '../roster/roster.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

/** Imported by AppModule before ApplicationsModule and RosterModule: `/<resource>/export` must win over `/<resource>/:id`. */
@Module({
  imports: [RosterModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository],
})
export class ExportsModule {}
