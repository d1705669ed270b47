import type { Response } from 'supertest';

/**
 * Responses of this server that differ on purpose from the recorded v1.8 session, by request
 * number. Each is a fix listed with its reason in docs/compatibility.md. `status` replaces the
 * recorded status. `check`, when present, replaces the comparison with the recorded success
 * body and states what the body must be instead. Its `recorded` is the recorded body with real ids.
 */
export interface RecordedDifference {
  reason: string;
  status?: number;
  check?: (response: Response, recorded: unknown, ids: Map<string, string>) => void;
}

interface Row {
  id: string;
  author?: string;
  ItemTags?: { id: string; name: string }[];
}

const idsOf = (rows: unknown): string[] => (rows as Row[]).map((row) => row.id).sort();

/** Builds a check that expects the recorded rows, plus and minus some ids. */
function sameRowsAs(plus: string[] = [], minus: string[] = []) {
  return (response: Response, recorded: unknown, ids: Map<string, string>) => {
    const resolve = (name: string) => ids.get(`<uuid:${name}>`) ?? name;
    const expected = [...idsOf(recorded).filter((id) => !minus.map(resolve).includes(id)), ...plus.map(resolve)].sort();
    expect(idsOf(response.body)).toEqual(expected);
  };
}

/** Same rows as recorded, each listing all its tags rather than only the filtered one. */
function sameRowsWithAllTags(response: Response, recorded: unknown): void {
  expect(idsOf(response.body)).toEqual(idsOf(recorded));
  for (const row of response.body as Row[]) {
    const recordedRow = (recorded as Row[]).find((candidate) => candidate.id === row.id)!;
    expect(row.ItemTags!.map((tag) => tag.id)).toEqual(expect.arrayContaining(recordedRow.ItemTags!.map((tag) => tag.id)));
  }
}

const GROUP_SHARING = 'group-shared items are listed for members of the group (the original read `groupList` instead of OpenPAI\'s `grouplist`)';
const TAG_PRUNING = 'a list element carries all its tags, not only the one the filter named';
const NOT_VISIBLE_IS_404 = 'an item the caller may not see answers 404, as if it did not exist, so its existence does not leak';
const MISSING_IS_404 = 'a missing item, tag or category answers 404 instead of a 500';
const ENUM_IS_400 = 'an unknown enum value is a 400 naming the allowed values instead of a 500 database error';
const AUTHOR_IS_KEPT = 'only admins may change an item\'s author; the original let bob hand his item to alice at request 90';

export const RECORDED_DIFFERENCES: Record<number, RecordedDifference> = {
  22: { reason: GROUP_SHARING, check: sameRowsAs(['item_admin_group_vision']) },
  31: { reason: GROUP_SHARING, check: sameRowsAs(['item_admin_group_vision']) },
  32: { reason: ENUM_IS_400, status: 400 },
  36: { reason: '`keyword` matches `%` and `_` literally', check: (response) => expect(response.body).toEqual([]) },
  38: { reason: TAG_PRUNING, check: sameRowsWithAllTags },
  39: {
    reason: 'a comma-separated `tag` filter keeps the items carrying every tag named, instead of never matching',
    check: (response) => {
      expect((response.body as Row[]).length).toBeGreaterThan(0);
      for (const row of response.body as Row[]) {
        expect(row.ItemTags!.map((tag) => tag.name)).toEqual(expect.arrayContaining(['PyTorch', 'Distributed']));
      }
    },
  },
  40: { reason: GROUP_SHARING, check: sameRowsAs(['item_admin_group_vision']) },
  42: { reason: GROUP_SHARING, check: sameRowsAs(['item_admin_group_vision']) },
  45: { reason: TAG_PRUNING, check: sameRowsWithAllTags },
  50: { reason: NOT_VISIBLE_IS_404, status: 404 },
  53: { reason: NOT_VISIBLE_IS_404, status: 404 },
  57: { reason: NOT_VISIBLE_IS_404, status: 404 },
  58: { reason: MISSING_IS_404, status: 404 },
  61: { reason: MISSING_IS_404, status: 404 },
  75: { reason: 'only the Bearer scheme is accepted in the Authorization header', status: 401 },
  85: { reason: ENUM_IS_400, status: 400 },
  89: { reason: 'an update that carries a protocol is checked by the same rule as a create', status: 400 },
  90: { reason: AUTHOR_IS_KEPT, status: 403 },
  91: {
    reason: AUTHOR_IS_KEPT,
    status: 200,
    check: (response) => expect((response.body as Row).author).toBe('bob'),
  },
  92: { reason: MISSING_IS_404, status: 404 },
  101: {
    reason: 'an author can always read their own item, even a private one in the official example category',
    status: 200,
    check: (response, _recorded, ids) => expect((response.body as Row).id).toBe(ids.get('<uuid:item_alice_private>')),
  },
  102: { reason: AUTHOR_IS_KEPT, check: sameRowsAs([], ['item_bob_scratch']) },
  103: {
    reason: 'linking a tag that is already linked succeeds and changes nothing, instead of a 404',
    status: 200,
    check: (response) => expect(response.text).toBe('added'),
  },
  104: { reason: MISSING_IS_404, status: 404 },
  106: { reason: MISSING_IS_404, status: 404 },
  109: { reason: MISSING_IS_404, status: 404 },
  112: { reason: 'a body that is not JSON answers 415 naming the Content-Type sent, instead of failing validation as if it were empty', status: 415 },
  130: {
    reason: 'the `user` filter of GET /storages/blobs works instead of failing with 500',
    status: 200,
    check: (response, _recorded, ids) => expect(idsOf(response.body)).toEqual([ids.get('<uuid:blob_alice>')]),
  },
  144: { reason: MISSING_IS_404, status: 404 },
};
