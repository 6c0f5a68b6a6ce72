import { Module } from '@nestjs/common';
import { StatsController } from '../stats/stats.controller';
import { ApplicationPresenter } from './application.presenter';
import { CouncilApplicationsController, MemberApplicationsController } from './applications.controllers';
import { ApplicationsService } from './applications.service';
import { TransitionMails } from './transition-mails';

@Module({
  controllers: [CouncilApplicationsController, MemberApplicationsController, StatsController],
  providers: [ApplicationsService, ApplicationPresenter, TransitionMails],
  exports: [ApplicationsService, ApplicationPresenter],
})
export class ApplicationsModule {}
