import { selectsField } from '../../../../src/graph/common/selects-field';
import type { ProviderAccess } from '../access/provider-access';
import type { ReferenceContext } from '../context';
import { mergedPage, type PagePart } from '../paging/merged-page';
import { checkPaging, type PagingArgs } from '../paging/page';
import { field, type FieldResolver } from './field';
import { selectedProviders, type ListFilter } from './filters';

type ListArgs = PagingArgs & { filter?: ListFilter | null };

/** A root list (`organizations`, `connections`, `users`): one page merged across the providers. */
function rootList<T>(part: (provider: ProviderAccess) => PagePart<T>): FieldResolver {
  return field<unknown, ListArgs>((_root, args, { access }: ReferenceContext, info) => {
    checkPaging(args);
    const parts = selectedProviders(args.filter).map((p) => part(access.get(p)));
    return mergedPage(parts, args, selectsField(info, 'totalCount'));
  });
}

export const queryLists = {
  organizations: rootList((p) => p.organizations),
  connections: rootList((p) => p.connections),
  users: rootList((p) => p.users),
};
