import type * as models from '@genauth-groups/models';
import { ApiError } from '../http/api-error.ts';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { resourceDto } from '../store/dto.ts';
import { DEFAULT_NAMESPACE } from '../store/schema.ts';
import { requireGroup } from './helpers.ts';

/** `GET /api/v3/get-group-authorized-resources`: what a group is authorized for, in one namespace (contract 6.6). */
export const getGroupAuthorizedResources: EndpointHandler<typeof models.getGroupAuthorizedResources> = (
  params,
  { store },
) => {
  const group = requireGroup(store, params.code);
  const namespace = params.namespace || DEFAULT_NAMESPACE;
  if (!store.namespaceExists(namespace)) throw new ApiError(404, 'namespaceNotFound');
  return store.resources(group.seq, namespace, params.resourceType).map(resourceDto);
};
