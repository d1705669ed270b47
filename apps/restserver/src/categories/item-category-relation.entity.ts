import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Link between an item and a category; deleting either side deletes the link (ON DELETE CASCADE). */
@Entity({ name: 'ItemCategoryRelation' })
export class ItemCategoryRelation {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  MarketplaceItemId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  ItemCategoryId!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
