/** Upstream addresses of the two marketplace services, as the proxy reaches them. */
export interface ProxyUpstreams {
  readonly restserver: string;
  readonly webportal: string;
}

/**
 * Renders the nginx `location` blocks that put the marketplace under `/marketplace`, in the order
 * pylon uses. The API route keeps the query string; the web portal route drops it, as pylon does.
 */
export function renderProxyRoutes(upstreams: ProxyUpstreams, heading: string): string {
  return [
    `# ${heading}`,
    '# Paste inside the server block of the proxy, before its catch-all location.',
    '',
    '# Without the trailing slash, relative URLs in the API and the plugin resolve one level too high.',
    'location ~ ^/marketplace/api$ {',
    '  return 301 $scheme://$http_host$request_uri/;',
    '}',
    'location ~ ^/marketplace/api/(.*)$ {',
    `  proxy_pass ${upstreams.restserver}/$1$is_args$args;`,
    '}',
    'location ~ ^/marketplace$ {',
    '  return 301 $scheme://$http_host$request_uri/;',
    '}',
    'location ~ ^/marketplace/(.*)$ {',
    `  proxy_pass ${upstreams.webportal}/$1;`,
    '}',
    '',
  ].join('\n');
}
