import { readTableQuery } from '@/lib/pagination/table-query';

const SORT_KEYS = ['name', 'platform', 'updated'] as const;
const CURSOR = '0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11';

describe('what a list page reads from its address', () => {
  it('without parameters: the first page, page 1, the first sort key ascending', () => {
    expect(readTableQuery({}, { pageSize: 50, sortKeys: SORT_KEYS })).toEqual({
      page: { cursor: null, towards: 'after', limit: 50 },
      pageNumber: 1,
      sort: { key: 'name', direction: 'asc' },
    });
  });

  it('reads the cursor, the page number and a supported sort', () => {
    expect(readTableQuery({ before: CURSOR.toUpperCase(), page: '3', sort: 'updated', dir: 'desc' }, { pageSize: 20, sortKeys: SORT_KEYS })).toEqual({
      page: { cursor: CURSOR, towards: 'before', limit: 20 },
      pageNumber: 3,
      sort: { key: 'updated', direction: 'desc' },
    });
  });

  it('falls back on whatever it cannot use: an unknown sort key, a made-up cursor, a page number that is no number', () => {
    expect(readTableQuery({ after: 'x; drop table users', page: '-2', sort: 'password_hash', dir: 'sideways' }, { pageSize: 50, sortKeys: SORT_KEYS })).toEqual({
      page: { cursor: null, towards: 'after', limit: 50 },
      pageNumber: 1,
      sort: { key: 'name', direction: 'asc' },
    });
  });

  it('a list without sort keys gets no sort', () => {
    expect(readTableQuery({ after: CURSOR, page: '2', sort: 'name' }, { pageSize: 50 })).toEqual({
      page: { cursor: CURSOR, towards: 'after', limit: 50 },
      pageNumber: 2,
    });
  });
});
