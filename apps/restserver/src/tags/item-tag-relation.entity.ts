import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Link between an item and a tag; deleting either side deletes the link (ON DELETE CASCADE). */
@Entity({ name: 'ItemTagRelation' })
export class ItemTagRelation {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  MarketplaceItemId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  ItemTagId!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
