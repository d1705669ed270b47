import { CreateMarketplaceSchema1796418000000 } from './1796418000000-CreateMarketplaceSchema';
import { AddUsesAndCopySource1796423700000 } from './1796423700000-AddUsesAndCopySource';
import { AddItemSearchDocument1796424300000 } from './1796424300000-AddItemSearchDocument';
import { AddItemRevisions1796424600000 } from './1796424600000-AddItemRevisions';
import { AddListingIndexes1796425200000 } from './1796425200000-AddListingIndexes';

/**
 * Every migration, oldest first. A landed migration is never edited: a later change gets a
 * new file with a newer timestamp.
 */
export const MIGRATIONS = [
  CreateMarketplaceSchema1796418000000,
  AddUsesAndCopySource1796423700000,
  AddItemSearchDocument1796424300000,
  AddItemRevisions1796424600000,
  AddListingIndexes1796425200000,
];
