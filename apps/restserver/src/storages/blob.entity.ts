import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A blob-storage connection record. `connectionStrings` and `tokens` are secrets. */
@Entity({ name: 'Blobs' })
export class BlobRecord {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  type!: string;

  @Column({ type: 'varchar', length: 255 })
  storageAccount!: string;

  @Column({ type: 'varchar', length: 255 })
  containerName!: string;

  @Column({ type: 'text', array: true })
  connectionStrings!: string[];

  @Column({ type: 'text', array: true, nullable: true })
  tokens!: string[] | null;

  @Column({ type: 'varchar', length: 255, array: true, nullable: true })
  users!: string[] | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
