import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * Renders a template's markdown description to HTML that is safe to insert: raw HTML in the
 * markdown is removed and only http, https and mailto links survive, so a description cannot
 * run script (no `javascript:` links, no event handlers).
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true }) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    FORBID_TAGS: ['style', 'script', 'iframe', 'form', 'input', 'img'],
    FORBID_ATTR: ['style'],
  });
}
