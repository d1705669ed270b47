import type { Caller, Category, Created, ErrorBody, Item, ItemPage, LinkedCategory, LinkedTag, ListedItem, RevisionDiff, RevisionSummary, StarState, Tag, UseResult } from '@openpai-marketplace/shared-types';

/** Raised for every failed call; the message names the URL so a wrong API address is visible. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: ErrorBody | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ItemFilters {
  q?: string;
  sort?: string;
  limit?: string;
  offset?: string;
  facets?: string;
  keyword?: string;
  type?: string;
  tag?: string;
  category?: string;
  author?: string;
}

/**
 * Calls the marketplace REST API with the user's OpenPAI token. Every request and response type
 * comes from shared-types, so this client never restates them.
 */
export class MarketplaceApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  listItems(filters: ItemFilters): Promise<ListedItem[]> {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value) as [string, string][]);
    return this.request<ListedItem[]>('GET', `/items${query.size ? `?${query}` : ''}`);
  }

  /** One page of results, with the total and facet counts; `limit` or `offset` must be set. */
  searchItems(filters: ItemFilters): Promise<ItemPage> {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value) as [string, string][]);
    return this.request<ItemPage>('GET', `/items?${query}`);
  }

  getItem(id: string): Promise<Item> {
    return this.request<Item>('GET', `/items/${encodeURIComponent(id)}`);
  }

  createItem(body: unknown): Promise<Created> {
    return this.request<Created>('POST', '/items', body);
  }

  updateItem(id: string, body: unknown): Promise<string> {
    return this.request<string>('PUT', `/items/${encodeURIComponent(id)}`, body);
  }

  deleteItem(id: string): Promise<string> {
    return this.request<string>('DELETE', `/items/${encodeURIComponent(id)}`);
  }

  star(id: string, starred: boolean): Promise<StarState> {
    return this.request<StarState>(starred ? 'PUT' : 'DELETE', `/items/${encodeURIComponent(id)}/star`);
  }

  /** Records a launch; `keepalive` lets the request finish while the page navigates away. */
  recordUse(id: string): Promise<UseResult> {
    return this.request<UseResult>('POST', `/items/${encodeURIComponent(id)}/use`, undefined, { keepalive: true });
  }

  revisions(id: string): Promise<RevisionSummary[]> {
    return this.request<RevisionSummary[]>('GET', `/items/${encodeURIComponent(id)}/revisions`);
  }

  diff(id: string, from: string, to = 'current'): Promise<RevisionDiff> {
    return this.request<RevisionDiff>('GET', `/items/${encodeURIComponent(id)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  }

  copyItem(id: string): Promise<Created> {
    return this.request<Created>('POST', `/items/${encodeURIComponent(id)}/copy`);
  }

  me(): Promise<Caller> {
    return this.request<Caller>('GET', '/auth/me');
  }

  listTags(): Promise<Tag[]> {
    return this.request<Tag[]>('GET', '/tags');
  }

  listCategories(): Promise<Category[]> {
    return this.request<Category[]>('GET', '/categories');
  }

  itemTags(id: string): Promise<LinkedTag[]> {
    return this.request<LinkedTag[]>('GET', `/items/${encodeURIComponent(id)}/tag`);
  }

  itemCategories(id: string): Promise<LinkedCategory[]> {
    return this.request<LinkedCategory[]>('GET', `/items/${encodeURIComponent(id)}/category`);
  }

  createTag(name: string): Promise<Created> {
    return this.request<Created>('POST', '/tags', { name });
  }

  deleteTag(id: string): Promise<string> {
    return this.request<string>('DELETE', `/tags/${encodeURIComponent(id)}`);
  }

  createCategory(name: string): Promise<Created> {
    return this.request<Created>('POST', '/categories', { name });
  }

  deleteCategory(id: string): Promise<string> {
    return this.request<string>('DELETE', `/categories/${encodeURIComponent(id)}`);
  }

  private async request<T>(method: string, path: string, body?: unknown, options: { keepalive?: boolean } = {}): Promise<T> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        keepalive: options.keepalive,
      });
    } catch {
      throw new ApiError(0, url, undefined, `The marketplace API at ${url} cannot be reached.`);
    }

    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      const errorBody = parsed && typeof parsed === 'object' && 'code' in parsed ? (parsed as ErrorBody) : undefined;
      throw new ApiError(response.status, url, errorBody, errorBody?.message ?? `The marketplace API at ${url} returned status ${response.status}.`);
    }
    return (parsed === undefined ? text : parsed) as T;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
