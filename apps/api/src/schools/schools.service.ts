import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditRepository } from '../audit/audit.repository';
import { conflict, notFound } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { rethrowUniqueAsConflict } from '../common/records';
import { School } from './school.entity';
import { SchoolFilter, SchoolInput } from './schools.schemas';
import { SchoolsRepository } from './schools.repository';

/** Schools are public (the registration form picks one); the lead maintains them. */
@Injectable()
export class SchoolsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schools: SchoolsRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(q: ListQuery<SchoolFilter>): Promise<[School[], number]> {
    return this.schools.list(q);
  }

  async get(id: number): Promise<School> {
    return (await this.schools.findById(id)) ?? Promise.reject(notFound('学校'));
  }

  create(input: SchoolInput, actor: AuthUser): Promise<School> {
    return this.db.transaction(async (m) => {
      if (await this.schools.findByName(input.name, m)) throw conflict('该学校名称已存在');
      const school = await this.schools.insert(m, input);
      await this.audit.record(m, actor, { action: 'create', entity: 'school', entityId: school.id, data: { name: school.name } });
      return school;
    }).catch(rethrowUniqueAsConflict);
  }

  update(id: number, input: SchoolInput, actor: AuthUser): Promise<School> {
    return this.db.transaction(async (m) => {
      if (!(await this.schools.findById(id, m))) throw notFound('学校');
      await this.schools.update(m, id, input);
      await this.audit.record(m, actor, { action: 'update', entity: 'school', entityId: id, data: { ...input } });
      return (await this.schools.findById(id, m))!;
    }).catch(rethrowUniqueAsConflict);
  }
}
