import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user who starred items under the original v1.5 server. Kept so that no star is lost. */
@Entity({ name: 'Users' })
export class StarringUser {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
