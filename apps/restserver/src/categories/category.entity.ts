import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A category, in the original server's `ItemCategories` table. Names are not unique there. */
@Entity({ name: 'ItemCategories' })
export class ItemCategory {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  extras!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
