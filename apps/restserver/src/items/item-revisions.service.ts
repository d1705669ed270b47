import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { REVISED_FIELDS, type Caller, type Revision, type RevisionDiff, type RevisionSummary } from '@openpai-marketplace/shared-types';

import { NotFoundError, quote } from '../common/errors/domain-error';
import { canViewItem, type ItemAccessFields } from './item-access';
import { snapshotOf, type Snapshot } from './item-revision-record';
import { ItemsService } from './items.service';
import { lineDiff } from './line-diff';

/** The fields of a stored snapshot that decide who may read it, as columns of their own. */
const SNAPSHOT_ACCESS_COLUMNS = `snapshot->'author' AS author, snapshot->'isPublic' AS "isPublic", snapshot->'isPrivate' AS "isPrivate", snapshot->'groupList' AS "groupList"`;

/**
 * Reads the history of an item the caller may see, and diffs two of its states. Each earlier
 * state follows the visibility rule as it was then, so a private draft stays hidden after the
 * item is published: it is left out of the list and gets the same 404 as a revision that does
 * not exist. The numbering still shows that an earlier state exists.
 */
@Injectable()
export class ItemRevisionsService {
  constructor(
    private readonly itemsService: ItemsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(caller: Caller, itemId: string): Promise<RevisionSummary[]> {
    await this.itemsService.findVisible(caller, itemId);
    const rows: ({ revision: number; changedBy: string; changedAt: Date } & SnapshotAccess)[] = await this.dataSource.query(
      `SELECT revision, "changedBy", "changedAt", ${SNAPSHOT_ACCESS_COLUMNS} FROM "ItemRevisions" WHERE "MarketplaceItemId" = $1 ORDER BY revision DESC`,
      [itemId],
    );
    return rows
      .filter((row) => canViewItem(caller, accessFields(row)))
      .map((row) => ({ revision: row.revision, changedBy: row.changedBy, changedAt: new Date(row.changedAt).toISOString() }));
  }

  async get(caller: Caller, itemId: string, revision: number): Promise<Revision> {
    await this.itemsService.findVisible(caller, itemId);
    const [row] = await this.dataSource.query(
      `SELECT revision, "changedBy", "changedAt", snapshot FROM "ItemRevisions" WHERE "MarketplaceItemId" = $1 AND revision = $2`,
      [itemId, revision],
    );
    if (!row || !canViewItem(caller, accessFields(row.snapshot))) {
      throw new NotFoundError('revision_not_found', `Item ${quote(itemId)} has no revision ${revision}.`);
    }
    return { revision: row.revision, changedBy: row.changedBy, changedAt: new Date(row.changedAt).toISOString(), item: row.snapshot };
  }

  async diff(caller: Caller, itemId: string, from: string, to: string): Promise<RevisionDiff> {
    const item = await this.itemsService.findVisible(caller, itemId);
    const state = async (which: string): Promise<Snapshot> => (which === 'current' ? snapshotOf(item) : (await this.get(caller, itemId, Number(which))).item);
    const [before, after] = [await state(from), await state(to)];
    const text = (snapshot: Snapshot, field: string) => (typeof snapshot[field] === 'string' ? (snapshot[field] as string) : '');

    return {
      from,
      to,
      protocol: lineDiff(text(before, 'protocol'), text(after, 'protocol')),
      description: lineDiff(text(before, 'description'), text(after, 'description')),
      changedFields: REVISED_FIELDS.filter((field) => field !== 'protocol' && field !== 'description' && JSON.stringify(before[field]) !== JSON.stringify(after[field])),
    };
  }
}

/** Access columns as a snapshot stores them; null where an old row had no value. */
interface SnapshotAccess {
  author: string | null;
  isPublic: boolean | null;
  isPrivate: boolean | null;
  groupList: string[] | null;
}

function accessFields(snapshot: SnapshotAccess): ItemAccessFields {
  return {
    author: snapshot.author,
    isPublic: snapshot.isPublic === true,
    isPrivate: snapshot.isPrivate === true,
    groupList: snapshot.groupList ?? [],
  };
}
