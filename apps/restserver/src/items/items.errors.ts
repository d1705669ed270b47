import type { ProtocolProblem } from '@openpai-marketplace/shared-types';

import { BadRequestError, DomainError, ForbiddenError, NotFoundError, quote } from '../common/errors/domain-error';

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

/** 412: the If-Match header names an earlier state of the item than the current one. */
export class ItemChangedError extends DomainError {
  constructor(itemId: string, ifMatch: string, currentTag: string | undefined) {
    super(
      412,
      'precondition_failed',
      currentTag
        ? `Item ${quote(itemId)} changed since you read it: If-Match ${quote(ifMatch)} does not match its current ETag ${currentTag}. Read the item again, reapply your change and send the new ETag.`
        : `Item ${quote(itemId)} was deleted since you read it, so If-Match ${quote(ifMatch)} cannot match.`,
      [{ field: 'If-Match', message: currentTag ? `expected ${currentTag}` : 'the item no longer exists' }],
    );
  }
}
