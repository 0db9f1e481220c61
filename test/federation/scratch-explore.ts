import 'reflect-metadata';
import { startTestStack, upstreamCalls } from '../support/test-stack';

async function main() {
  const t0 = Date.now();
  const stack = await startTestStack({ emulators: { size: 150 } });
  console.log('start ms', Date.now() - t0);
  await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  const lists: Record<string, string> = {
    orgs: '{ organizations(filter: { providers: [P] }, limit: 500) { totalCount items { id } } }',
    conns: '{ connections(filter: { providers: [P] }, limit: 500) { totalCount items { id } } }',
    users: '{ users(filter: { providers: [P] }, limit: 500) { totalCount items { id } } }',
    perms: '{ permissions(filter: { providers: [P] }, limit: 500) { totalCount items { id description } } }',
  };
  for (const p of ['CRUX', 'AUTH0', 'DATADOG']) {
    for (const [name, q] of Object.entries(lists)) {
      stack.emulators.reset();
      const t = Date.now();
      const r = await stack.query<any>(q.replace('P', p));
      const k = Object.keys(r.data ?? {})[0]!;
      console.log(p, name, r.data?.[k]?.totalCount, JSON.stringify(upstreamCalls(stack.emulators)), Date.now() - t, r.errors?.[0]?.message);
    }
  }
  await stack.stop();
}
main();
