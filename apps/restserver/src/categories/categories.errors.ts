import { ConflictError, ForbiddenError, NotFoundError, quote } from '../common/errors/domain-error';

export class CategoryNotFoundError extends NotFoundError {
  constructor(categoryId: string) {
    super('category_not_found', `Category ${quote(categoryId)} does not exist.`);
  }
}

export class CategoryAdminOnlyError extends ForbiddenError {
  constructor(action: 'create' | 'update' | 'delete') {
    super('category_admin_only', `Only admins may ${action} categories.`);
  }
}

export class CategoryNameTakenError extends ConflictError {
  constructor(name: string, existingId: string) {
    super('category_name_taken', `A category named ${quote(name)} already exists with id ${quote(existingId)}; use that one or choose another name.`);
  }
}

export class OfficialExampleAdminOnlyError extends ForbiddenError {
  constructor() {
    super('official_example_admin_only', 'Only admins may put an item in the "official example" category.');
  }
}
