/**
 * Paging through an LRS: a statement the cursor gives again at the top of the
 * next page (stored in the same millisecond as the page's last one) is one
 * statement, read once; statements without an id are passed on as they are.
 */
import { describe, expect, it } from 'vitest';
import { lrsStatementPages } from '../../src/report/node-lrs.js';

const st = (id: string) => ({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' } });

function stand(pages: unknown[][]): typeof fetch {
  return (async (input: URL | RequestInfo) => {
    const url = new URL(String(input));
    const n = Number(url.searchParams.get('page') ?? '0');
    const more = n + 1 < pages.length ? `/xapi/statements?page=${n + 1}` : '';
    return new Response(JSON.stringify({ statements: pages[n], more }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}

async function read(pages: unknown[][]): Promise<string[]> {
  const out: string[] = [];
  for await (const page of lrsStatementPages({ endpoint: 'http://127.0.0.1:9/xapi/', activity: 'https://example.org/c', fetch: stand(pages) })) {
    for (const s of page) out.push((s as { id?: string }).id ?? '(none)');
  }
  return out;
}

describe('LRS pages', () => {
  it('a statement repeated at the top of the next page is read once', async () => {
    expect(await read([[st('a'), st('b'), st('c')], [st('c'), st('d')], [st('d'), st('e')]])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('an id twice in one page is read once; statements without an id are kept', async () => {
    expect(await read([[st('a'), st('a'), { verb: {} }], [{ verb: {} }, st('b')]])).toEqual(['a', '(none)', '(none)', 'b']);
  });
  it('a statement seen two pages back is not dropped (only the last page is remembered)', async () => {
    expect(await read([[st('a')], [st('b')], [st('a')]])).toEqual(['a', 'b', 'a']);
  });
});
