import type { Caller, ItemPermissions } from '@openpai-marketplace/shared-types';

/** The columns of an item that decide who may see it. */
export interface ItemAccessFields {
  author: string | null;
  isPublic: boolean;
  isPrivate: boolean;
  groupList: string[];
}

/*
 * The visibility rule, stated once and used by every endpoint that reads an item or reveals
 * something about one. A caller sees an item when any of these holds:
 *   - the caller is an admin;
 *   - the caller is its author;
 *   - it is not private, and it is public or shared with a group in the caller's grouplist.
 * `isPrivate` wins over `isPublic` when a row has both set. canViewItem and
 * visibleItemsSql below are the same rule, in TypeScript and in SQL; an integration spec
 * checks that they agree on every combination.
 */

export function canViewItem(caller: Caller, item: ItemAccessFields): boolean {
  if (caller.admin || item.author === caller.username) {
    return true;
  }
  if (item.isPrivate) {
    return false;
  }
  return item.isPublic || item.groupList.some((group) => caller.groups.includes(group));
}

/**
 * SQL condition selecting the rows of `alias` (a "MarketplaceItems" alias) that the caller may
 * see, with its named parameters. The parameter names carry a prefix so they cannot clash
 * with a caller's other conditions.
 */
export function visibleItemsSql(alias: string, caller: Caller): { condition: string; parameters: Record<string, unknown> } {
  if (caller.admin) {
    return { condition: 'TRUE', parameters: {} };
  }
  return {
    condition:
      `(${alias}."author" = :visibilityUser OR (NOT ${alias}."isPrivate" AND ` +
      `(${alias}."isPublic" OR ${alias}."groupList" && CAST(:visibilityGroups AS varchar[]))))`,
    parameters: { visibilityUser: caller.username, visibilityGroups: caller.groups },
  };
}

/**
 * Decides whether the caller may change the item: its author or an admin, and only an admin once the
 * item is in the `official example` category.
 */
export function canEditItem(caller: Caller, item: ItemAccessFields, inOfficialExample: boolean): boolean {
  if (caller.admin) {
    return true;
  }
  return item.author === caller.username && !inOfficialExample;
}

/** Computes the permissions sent with every item the caller can see. */
export function itemPermissions(caller: Caller, item: ItemAccessFields, inOfficialExample: boolean): ItemPermissions {
  const editable = canEditItem(caller, item, inOfficialExample);
  return { edit: editable, delete: editable, share: editable };
}

/** Visibility columns after a create or update, applying `isPrivate` over `isPublic`. */
export function resolveVisibility(
  current: Pick<ItemAccessFields, 'isPublic' | 'isPrivate' | 'groupList'> | undefined,
  change: { isPublic?: boolean; isPrivate?: boolean; groupList?: string[] | null },
): Pick<ItemAccessFields, 'isPublic' | 'isPrivate' | 'groupList'> {
  // Setting one flag to true implies clearing the other, unless the request sets both.
  const isPrivate = change.isPrivate ?? (change.isPublic === true ? false : (current?.isPrivate ?? false));
  const isPublic = isPrivate ? false : (change.isPublic ?? (change.isPrivate === true ? false : (current?.isPublic ?? true)));

  if (isPrivate || isPublic) {
    return { isPublic, isPrivate, groupList: [] };
  }
  const groupList = change.groupList ?? current?.groupList ?? [];
  return { isPublic, isPrivate, groupList: [...new Set(groupList)] };
}
