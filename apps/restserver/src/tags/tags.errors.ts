import { ConflictError, ForbiddenError, NotFoundError, quote } from '../common/errors/domain-error';

export class TagNotFoundError extends NotFoundError {
  constructor(tagId: string) {
    super('tag_not_found', `Tag ${quote(tagId)} does not exist.`);
  }
}

export class TagAdminOnlyError extends ForbiddenError {
  constructor(action: 'update' | 'delete') {
    super('tag_admin_only', `Only admins may ${action} tags.`);
  }
}

export class TagNameTakenError extends ConflictError {
  constructor(name: string, existingId: string) {
    super('tag_name_taken', `A tag named ${quote(name)} already exists with id ${quote(existingId)}; use that one or choose another name.`);
  }
}
