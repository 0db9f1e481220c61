import { encodeGlobalId, type EntityType } from '../../model/global-id';
import type { Node } from './node.interface';

/**
 * The base class of one entity type's mapped objects (see blankOrganization and the others, whose
 * subclasses set every field in their constructor, so that the engine lays them out in one block).
 * The global ID is encoded when read, from the object's `provider` and `key`: a provider's listing
 * maps thousands of objects, of which a response shows a few IDs. So an entity is never copied by
 * spreading, which would leave `id` behind. Not the type-graphql class itself: importing that from
 * the mappers would change the order its type is registered in, and with it the subgraph SDL.
 */
export function entityClass<T extends Node>(type: EntityType): new () => T {
  class Entity {
    readonly __typename = type;
    /** Kept once read: a response may show one object's ID many times. */
    #id: string | undefined = undefined;

    get id(): string {
      const { provider, key } = this as unknown as Node;
      return (this.#id ??= encodeGlobalId(type, provider, key));
    }
  }
  return Entity as unknown as new () => T;
}
