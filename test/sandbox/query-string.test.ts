import { describe, expect, it } from 'vitest';
import { buildTree, keySegments, parseQuery, type QueryMap, type QueryValue } from '../../src/sandbox/http/query-string.js';

/** Maps to plain objects for readable assertions. */
function plain(value: QueryValue | undefined): unknown {
  if (value === undefined || typeof value === 'string') return value;
  return Object.fromEntries([...value].map(([key, item]) => [key, plain(item)]));
}

const tree = (raw: string): QueryMap => parseQuery(raw).tree;

describe('the PHP-style query-string parser', () => {
  it('reads `[]` arrays and indexed `[0]` arrays the same way', () => {
    expect(plain(tree('filter[id][]=1&filter[id][]=2'))).toEqual({ filter: { id: { 0: '1', 1: '2' } } });
    expect(plain(tree('filter[id][0]=1&filter[id][1]=2'))).toEqual({ filter: { id: { 0: '1', 1: '2' } } });
  });

  it('reads percent-encoded brackets like literal ones', () => {
    expect(plain(tree('filter%5Bid%5D%5B%5D=1&filter%5Bid%5D%5B%5D=2'))).toEqual(plain(tree('filter[id][]=1&filter[id][]=2')));
    expect(plain(tree('filter%5Bcreated_at%5D%5Bfrom%5D=10'))).toEqual({ filter: { created_at: { from: '10' } } });
  });

  it('keeps nested pairs such as filter[statuses][0][pipeline_id]', () => {
    expect(plain(tree('filter[statuses][0][pipeline_id]=3&filter[statuses][0][status_id]=142&filter[statuses][1][pipeline_id]=4&filter[statuses][1][status_id]=143'))).toEqual({
      filter: { statuses: { 0: { pipeline_id: '3', status_id: '142' }, 1: { pipeline_id: '4', status_id: '143' } } },
    });
  });

  it('decodes + as a space and percent escapes in keys and values', () => {
    const parsed = parseQuery('query=%D0%98%D0%B2%D0%B0%D0%BD+%D0%9F&with=contacts%2Cleads');
    expect(parsed.pairs).toEqual([
      ['query', 'Иван П'],
      ['with', 'contacts,leads'],
    ]);
  });

  it('lets a later scalar win, as PHP does', () => {
    expect(plain(tree('page=1&page=3'))).toEqual({ page: '3' });
  });

  it('continues `[]` after the highest index given so far', () => {
    expect(plain(tree('a[5]=x&a[]=y'))).toEqual({ a: { 5: 'x', 6: 'y' } });
  });

  it('reports broken percent-encoding instead of throwing', () => {
    const parsed = parseQuery('query=%E0%A4%A&page=1');
    expect(parsed.malformed).toEqual(['query=%E0%A4%A']);
    expect(parsed.tree.get('page')).toBe('1');
  });

  it('splits keys into bracket segments and keeps malformed keys whole', () => {
    expect(keySegments('filter[id][]')).toEqual(['filter', 'id', '']);
    expect(keySegments('plain')).toEqual(['plain']);
    expect(keySegments('[odd]')).toEqual(['[odd]']);
    expect(plain(buildTree([['filter[id', '1']]))).toEqual({ 'filter[id': '1' });
    expect(keySegments('a[b]junk')).toEqual(['a', 'b']);
  });
});
