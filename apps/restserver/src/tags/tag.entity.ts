import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tag, in the original server's `ItemTags` table. Names are not unique there. */
@Entity({ name: 'ItemTags' })
export class ItemTag {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  color!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  extras!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
