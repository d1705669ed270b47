import { Header } from '@nestjs/common';

/**
 * Sends a handler's string result as plain text. The original server responded to writes with the
 * bare words `updated`, `deleted` and `added`, and clients rely on those bodies.
 */
export const TextResponse = () => Header('Content-Type', 'text/plain; charset=utf-8');
