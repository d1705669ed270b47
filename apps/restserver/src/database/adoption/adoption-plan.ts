import type { DatabaseState } from './classify-database';
import {
  addAccessControlColumns,
  createTagAndCategoryTables,
  linkLegacyLabels,
  normaliseAccessControlColumns,
  type LegacyUpgradeStep,
} from './legacy-upgrade-steps';

/** Raised when a database matches no known version; start-up stops and nothing is changed. */
export class UnrecognisedDatabaseError extends Error {
  constructor(found: string, expected: string) {
    super(`The database is not one this server can adopt. Found: ${found}. Expected: ${expected}. Nothing was changed.`);
    this.name = 'UnrecognisedDatabaseError';
  }
}

/**
 * Steps that take a database of the original server to the v1.8 schema, after which the first
 * migration counts as applied. Empty and managed databases need none: migrations do the work.
 */
export function adoptionSteps(state: DatabaseState): LegacyUpgradeStep[] {
  switch (state.kind) {
    case 'original-v1.5':
      return [addAccessControlColumns, createTagAndCategoryTables, linkLegacyLabels];
    case 'original-v1.6':
      return [...(state.sourceIsText ? [normaliseAccessControlColumns] : []), createTagAndCategoryTables, linkLegacyLabels];
    case 'original-v1.8':
      return state.sourceIsText ? [normaliseAccessControlColumns] : [];
    case 'unknown':
      throw new UnrecognisedDatabaseError(state.found, state.expected);
    default:
      return [];
  }
}

export function isOriginalDatabase(state: DatabaseState): boolean {
  return state.kind === 'original-v1.5' || state.kind === 'original-v1.6' || state.kind === 'original-v1.8';
}

export function describeState(state: DatabaseState): string {
  switch (state.kind) {
    case 'empty':
      return 'an empty database';
    case 'managed':
      return 'a database managed by this server';
    case 'original-v1.8':
      return `a database of the original marketplace v1.8${state.sourceIsText ? ' (with "source" stored as text)' : ''}`;
    case 'original-v1.6':
      return `a database of the original marketplace v1.6 or v1.7${state.sourceIsText ? ' upgraded by its own command ("source" stored as text)' : ''}`;
    case 'original-v1.5':
      return 'a database of the original marketplace v1.5';
    case 'unknown':
      return `an unrecognised database (${state.found})`;
  }
}
