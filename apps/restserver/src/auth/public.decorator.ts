import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'marketplace:isPublic';

/** Marks a route that needs no bearer token (health checks, the welcome text). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
