import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationKind, AttachmentKind } from '@alliance/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Attachment } from './attachment.entity';

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  forApplications(kind: ApplicationKind, ids: number[], m: EntityManager = this.db.manager): Promise<Attachment[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(Attachment).createQueryBuilder('f')
      .where('f.application_kind = :kind AND f.application_id IN (:...ids)', { kind, ids }).orderBy('f.created_at').getMany();
  }

  /** With the storage name, for serving the file. */
  findWithStorage(id: string): Promise<Attachment | null> {
    return this.db.getRepository(Attachment).createQueryBuilder('f').addSelect('f.storageName').where('f.id = :id', { id }).getOne();
  }

  /** Replaces the attachment of that kind; returns the storage name of the file it replaced. */
  async replace(m: EntityManager, row: Attachment): Promise<string | null> {
    const old = await m.getRepository(Attachment).createQueryBuilder('f').addSelect('f.storageName')
      .where('f.application_kind = :k AND f.application_id = :id AND f.kind = :kind', { k: row.applicationKind, id: row.applicationId, kind: row.kind })
      .setLock('pessimistic_write').getOne();
    if (old) await m.getRepository(Attachment).delete({ id: old.id });
    await m.getRepository(Attachment).insert(row);
    return old?.storageName ?? null;
  }

  async kindsPresent(kind: ApplicationKind, id: number, m: EntityManager): Promise<Set<AttachmentKind>> {
    const rows = await m.getRepository(Attachment).find({ select: { kind: true }, where: { applicationKind: kind, applicationId: id } });
    return new Set(rows.map((r) => r.kind));
  }
}
