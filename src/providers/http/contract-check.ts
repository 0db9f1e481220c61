import { z, type ZodType } from 'zod';

interface CompiledContract<T> {
  schema: ZodType<T>;
  /** The schema only describes: what it outputs is its input (less keys it does not name). */
  describesOnly: boolean;
}

const compiled = new WeakMap<ZodType, CompiledContract<unknown>>();

/**
 * A provider body checked against its contract schema, as the domain gets it; undefined when it
 * does not conform (`schema.safeParse` then says where). Each schema is compiled once: zod's
 * ahead-of-time parser gives the same results without the runtime parser's dispatch and result
 * object per node. A schema that only describes (no transform, no default) lets a conforming body
 * through as it is, checked by the compiled validator, which builds nothing: a listing of thousands
 * of objects is not copied a second time. Keys the contract does not name stay on it, unread.
 */
export function conformingBody<T>(schema: ZodType<T>, body: unknown): { value: T } | undefined {
  let contract = compiled.get(schema) as CompiledContract<T> | undefined;
  if (!contract) {
    contract = { schema: z.compile(schema), describesOnly: describesOnly(schema) };
    compiled.set(schema, contract);
  }
  if (contract.describesOnly) {
    return contract.schema.validate(body) ? { value: body as T } : undefined;
  }
  const parsed = contract.schema.safeParse(body);
  return parsed.success ? { value: parsed.data } : undefined;
}

/** Whether every node of the schema validates without changing what it validates. */
function describesOnly(schema: z.core.SomeType): boolean {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'literal':
    case 'enum':
    case 'unknown':
      return true;
    case 'optional':
    case 'nullable':
      return describesOnly(def.innerType);
    case 'array':
      return describesOnly(def.element);
    case 'union':
      return def.options.every(describesOnly);
    case 'record':
      return describesOnly(def.keyType) && describesOnly(def.valueType);
    case 'object':
      return def.catchall === undefined && Object.values(def.shape).every(describesOnly);
    default:
      return false;
  }
}
