import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { Caller } from '@openpai-marketplace/shared-types';

/** Injects the user whom the auth guard identified for this request. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});
