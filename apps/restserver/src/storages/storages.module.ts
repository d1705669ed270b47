import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { BlobRecord } from './blob.entity';
import { BlobsController } from './blobs.controller';
import { BlobsService } from './blobs.service';

@Module({
  controllers: [BlobsController],
  imports: [TypeOrmModule.forFeature([BlobRecord])],
  providers: [BlobsService],
})
export class StoragesModule {}
