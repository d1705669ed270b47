import { ForbiddenError, NotFoundError, quote } from '../common/errors/domain-error';

export class BlobNotFoundError extends NotFoundError {
  constructor(blobId: string) {
    super('blob_not_found', `Blob record ${quote(blobId)} does not exist.`);
  }
}

export class BlobAdminOnlyError extends ForbiddenError {
  constructor() {
    super('blob_admin_only', 'Only admins may read or change blob storage records, because they hold connection secrets.');
  }
}
