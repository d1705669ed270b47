'use client';

import { useEffect, useState } from 'react';

/** A place in the marketplace, kept in the URL hash so deep links, reload and Back work inside OpenPAI's plugin page. */
export type Route =
  | { view: 'list'; filters: Record<string, string> }
  | { view: 'detail'; itemId: string }
  | { view: 'create' }
  | { view: 'edit'; itemId: string }
  | { view: 'admin' };

export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);

  if (parts[0] === 'items' && parts[1] && parts[2] === 'edit') {
    return { view: 'edit', itemId: parts[1] };
  }
  if (parts[0] === 'items' && parts[1]) {
    return { view: 'detail', itemId: parts[1] };
  }
  if (parts[0] === 'create') {
    return { view: 'create' };
  }
  if (parts[0] === 'admin') {
    return { view: 'admin' };
  }
  return { view: 'list', filters: Object.fromEntries(new URLSearchParams(query)) };
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case 'detail':
      return `#/items/${encodeURIComponent(route.itemId)}`;
    case 'edit':
      return `#/items/${encodeURIComponent(route.itemId)}/edit`;
    case 'create':
      return '#/create';
    case 'admin':
      return '#/admin';
    case 'list': {
      const query = new URLSearchParams(Object.entries(route.filters).filter(([, value]) => value));
      return `#/${query.size ? `?${query}` : ''}`;
    }
  }
}

/** Tracks the current route in the hash, so the browser's Back and Forward move through views. */
export function useHashRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(typeof location === 'undefined' ? '' : location.hash));

  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);

  const navigate = (next: Route, options: { replace?: boolean } = {}) => {
    const href = routeHref(next);
    if (options.replace) {
      history.replaceState(history.state, '', href);
      setRoute(next);
    } else {
      location.hash = href;
    }
  };
  return [route, navigate];
}
