import type { ProtocolProblem } from '@openpai-marketplace/shared-types';

import { BadRequestError, ForbiddenError, NotFoundError, quote } from '../common/errors/domain-error';

export class ItemNotFoundError extends NotFoundError {
  constructor(itemId: string) {
    super('item_not_found', `Item ${quote(itemId)} does not exist or is not visible to you.`);
  }
}

export class ItemEditForbiddenError extends ForbiddenError {
  constructor(itemId: string, inOfficialExample: boolean) {
    super(
      'item_edit_forbidden',
      inOfficialExample
        ? `Item ${quote(itemId)} is in the "official example" category, so only admins may change it.`
        : `Only the author of item ${quote(itemId)} or an admin may change it.`,
    );
  }
}

export class AuthorMismatchError extends ForbiddenError {
  constructor(author: string, username: string) {
    super('author_mismatch', `author must be your own user name ${quote(username)}, but is ${quote(author)}.`);
  }
}

export class AuthorChangeForbiddenError extends ForbiddenError {
  constructor() {
    super('author_change_forbidden', 'Only admins may change the author of an item.');
  }
}

export class StatusChangeForbiddenError extends ForbiddenError {
  constructor() {
    super('status_change_forbidden', 'Only admins may change the moderation status of an item.');
  }
}

export class InvalidProtocolError extends BadRequestError {
  constructor(problems: ProtocolProblem[]) {
    const first = problems[0];
    const where = first.line === undefined ? '' : ` (line ${first.line})`;
    super(
      'invalid_protocol',
      `Invalid protocol${where}: ${first.message}`,
      problems.map((problem) => ({ field: problem.field, line: problem.line, message: problem.message })),
    );
  }
}

export class GroupListIgnoredError extends BadRequestError {
  constructor() {
    super(
      'group_list_not_applicable',
      'groupList applies only to items shared with groups; send "isPublic": false and "isPrivate": false with it.',
    );
  }
}
