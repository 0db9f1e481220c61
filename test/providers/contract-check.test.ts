import { z } from 'zod';
import { organizationsOffsetPageSchema } from '../../src/providers/auth0/auth0.schemas';
import {
  cruxConnectionListSchema,
  cruxUserListSchema,
} from '../../src/providers/crux/crux.schemas';
import { datadogOrgConnectionListSchema } from '../../src/providers/datadog/datadog.schemas';
import { conformingBody } from '../../src/providers/http/contract-check';

describe('conformingBody', () => {
  const item = z.object({
    id: z.string().min(1),
    name: z.string().nullish(),
    tags: z.array(z.string()),
  });

  it('lets a conforming body through as it is, when the schema only describes', () => {
    const body = [{ id: 'a', name: null, tags: ['x'], unnamed: 'kept, unread' }];
    expect(conformingBody(z.array(item), body)?.value).toBe(body);
  });

  it('refuses a body that breaks the contract', () => {
    expect(conformingBody(z.array(item), [{ id: '', tags: [] }])).toBeUndefined();
    expect(conformingBody(z.array(item), { id: 'a' })).toBeUndefined();
  });

  it('parses with a schema that transforms or fills in defaults', () => {
    expect(conformingBody(organizationsOffsetPageSchema, { organizations: [], total: 0 })).toEqual({
      value: { items: [], total: 0 },
    });
    const defaulted = z.object({ id: z.string(), tags: z.array(z.string()).default([]) });
    expect(conformingBody(defaulted, { id: 'a' })).toEqual({ value: { id: 'a', tags: [] } });
  });

  it('keeps the providers listings as they came: their contracts only describe', () => {
    const listings: z.ZodType<unknown>[] = [cruxConnectionListSchema, cruxUserListSchema];
    for (const schema of listings) {
      const empty: unknown[] = [];
      expect(conformingBody(schema, empty)?.value).toBe(empty);
    }
    const page = { data: [], meta: { page: { total_count: 0 } } };
    expect(conformingBody(datadogOrgConnectionListSchema, page)?.value).toBe(page);
  });
});
