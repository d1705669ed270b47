import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A star given by a user to an item. */
@Entity({ name: 'StarRelation' })
export class StarRelation {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  MarketplaceItemId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  UserName!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
