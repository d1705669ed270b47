import { checkJobProtocol } from '@openpai-marketplace/shared-types';

import { en, zhCN } from './i18n/messages';
import { parseHash, routeHref, type Route } from './routing/hash-route';
import { dataTemplateProtocol } from './views/data-protocol';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { view: 'list', filters: {} }],
    ['#/', { view: 'list', filters: {} }],
    ['#/?keyword=mnist&type=data', { view: 'list', filters: { keyword: 'mnist', type: 'data' } }],
    ['#/items/example-1', { view: 'detail', itemId: 'example-1' }],
    ['#/items/a%2Fb/edit', { view: 'edit', itemId: 'a/b' }],
    ['#/create', { view: 'create' }],
    ['#/admin', { view: 'admin' }],
  ])('parses %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it.each<Route>([
    { view: 'list', filters: { keyword: 'a b', tag: 'x,y' } },
    { view: 'detail', itemId: 'id with space' },
    { view: 'edit', itemId: '42' },
    { view: 'create' },
    { view: 'admin' },
  ])('round-trips %j', (route) => {
    expect(parseHash(routeHref(route))).toEqual(route);
  });

  it('drops empty filters from the URL', () => {
    expect(routeHref({ view: 'list', filters: { keyword: '', type: 'data' } })).toBe('#/?type=data');
  });
});

describe('translations', () => {
  it('cover every English message', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('translate %s with the same placeholders', (key) => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(zhCN[key].trim()).not.toBe('');
    expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
  });
});

describe('data template protocol', () => {
  it.each(['Alice images', 'ImageNet 2012 (subset)', '数据集', 'x'.repeat(300)])('passes the protocol rule for %j', (name) => {
    const check = checkJobProtocol(dataTemplateProtocol(name, 'https://data.example.test/a "quoted" file.tgz'));
    expect(check.valid ? [] : check.problems).toEqual([]);
  });
});
