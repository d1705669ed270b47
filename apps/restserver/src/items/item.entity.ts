import { Column, Entity, PrimaryColumn } from 'typeorm';

import { ITEM_SOURCES, ITEM_STATUSES, type ItemSource, type ItemStatus } from '@openpai-marketplace/shared-types';

/**
 * A marketplace item, mapped onto the table the original server created, column for column.
 * `createdAt` and `updatedAt` have no database default there, so the service sets them.
 */
@Entity({ name: 'MarketplaceItems' })
export class MarketplaceItem {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  author!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  type!: string | null;

  @Column({ type: 'enum', enum: ITEM_SOURCES, enumName: 'enum_MarketplaceItems_source', default: 'marketplace' })
  source!: ItemSource;

  @Column({ type: 'boolean', default: true })
  isPublic!: boolean;

  @Column({ type: 'boolean', default: false })
  isPrivate!: boolean;

  @Column({ type: 'varchar', length: 255, array: true, default: () => 'ARRAY[]::varchar[]' })
  groupList!: string[];

  @Column({ type: 'varchar', length: 255, nullable: true })
  dataType!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  dataUrl!: string | null;

  @Column({ type: 'boolean', nullable: true, default: false })
  useBlob!: boolean | null;

  @Column({ type: 'varchar', length: 255, array: true, nullable: true })
  categories!: string[] | null;

  @Column({ type: 'varchar', length: 255, array: true, nullable: true })
  tags!: string[] | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  summary!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  protocol!: string;

  @Column({ type: 'integer', default: 0 })
  useNumber!: number;

  @Column({ type: 'integer', default: 0 })
  starNumber!: number;

  @Column({ type: 'enum', enum: ITEM_STATUSES, enumName: 'enum_MarketplaceItems_status', nullable: true })
  status!: ItemStatus | null;

  /** Id of the item this one was copied from; kept when the source is deleted. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  copiedFrom!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
