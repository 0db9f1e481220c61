import { z } from 'zod';

/**
 * Datadog API v2 org connection wire shapes (JSON:API), from Datadog's OpenAPI spec and recordings
 * (/work/shared/contracts/datadog/). Lenient where the contract is: only `data` is required at the top.
 */

/** `name` is missing in some real responses (a recorded PATCH has ids only). */
const relationshipDataSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  type: z.string().optional(),
});

const relationshipSchema = z.object({ data: relationshipDataSchema });

export const datadogOrgConnectionSchema = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  attributes: z.object({
    // Plain strings, not the spec's enum: a type Datadog adds later must not break every list.
    connection_types: z.array(z.string()),
    created_at: z.string(),
  }),
  relationships: z.object({
    source_org: relationshipSchema.nullish(),
    sink_org: relationshipSchema.nullish(),
    created_by: relationshipSchema.nullish(),
  }),
});

/** The answer to a create or an update: the connection as it now is. */
export const datadogOrgConnectionResponseSchema = z.object({ data: datadogOrgConnectionSchema });

const countSchema = z.number().int().nonnegative().nullish();

export const datadogOrgConnectionListSchema = z.object({
  data: z.array(datadogOrgConnectionSchema),
  meta: z
    .object({
      page: z.object({ total_count: countSchema, total_filtered_count: countSchema }).nullish(),
    })
    .nullish(),
});

export type DatadogRelationshipData = z.infer<typeof relationshipDataSchema>;
export type DatadogOrgConnection = z.infer<typeof datadogOrgConnectionSchema>;
export type DatadogOrgConnectionList = z.infer<typeof datadogOrgConnectionListSchema>;
