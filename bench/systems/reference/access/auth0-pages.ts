import { AUTH0_PAGE_SIZE } from '../api/auth0-api';
import type { Auth0Listed } from '../api/auth0-listed';

/**
 * Every item of an offset-paged Auth0 list: the first page tells the total, then the other pages go
 * out at once. Without a total, pages follow one another until a short one.
 */
export async function auth0Pages<T>(
  page: (index: number) => Promise<Auth0Listed<T>>,
): Promise<T[]> {
  const first = await page(0);
  if (first.items.length < AUTH0_PAGE_SIZE) return first.items;
  if (first.total !== undefined) {
    const rest: number[] = [];
    for (let p = 1; p * AUTH0_PAGE_SIZE < first.total; p += 1) rest.push(p);
    return [first, ...(await Promise.all(rest.map(page)))].flatMap((listed) => listed.items);
  }
  const all = [...first.items];
  for (let p = 1; ; p += 1) {
    const next = await page(p);
    all.push(...next.items);
    if (next.items.length < AUTH0_PAGE_SIZE) return all;
  }
}
