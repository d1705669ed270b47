import { CreateMarketplaceSchema1796418000000 } from './1796418000000-CreateMarketplaceSchema';

/**
 * Every migration, oldest first. A landed migration is never edited: a later change gets a
 * new file with a newer timestamp.
 */
export const MIGRATIONS = [CreateMarketplaceSchema1796418000000];
