import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { RosterRepository, RosterRow } from './roster.repository';
import { MemberRosterFilter, ROSTER_ID } from './roster.schemas';

export type MemberView = Omit<RosterRow, 'refId'>;

const view = ({ refId: _omit, ...row }: RosterRow): MemberView => row;

/** The roster (成员名录), read-only. */
@Injectable()
export class RosterService {
  constructor(private readonly roster: RosterRepository) {}

  async list(q: ListQuery<MemberRosterFilter>): Promise<[MemberView[], number]> {
    const [rows, total] = await this.roster.list(q);
    return [rows.map(view), total];
  }

  async get(id: string): Promise<MemberView> {
    const row = ROSTER_ID.test(id) ? await this.roster.findOne(id) : undefined;
    if (!row) throw notFound('成员');
    return view(row);
  }
}
