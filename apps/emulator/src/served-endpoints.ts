/**
 * The endpoints the emulator serves, as `@genauth-groups/models` declares them: paths, parameter
 * schemas and reply schemas come from there, so that the emulator and the clients cannot drift.
 *
 * @module
 */

import {
  addGroupMembers,
  createGroup,
  deleteGroupsBatch,
  getAllGroups,
  getGroup,
  getGroupAuthorizedResources,
  getManagementToken,
  getMyGroupList,
  getUserGroups,
  listGroupMembers,
  listGroups,
  removeGroupMembers,
  signIn,
  updateGroup,
} from '@genauth-groups/models';

/** Every endpoint the emulator serves. */
export const endpoints = [
  getMyGroupList,
  signIn,
  getManagementToken,
  listGroups,
  getGroup,
  getAllGroups,
  getUserGroups,
  listGroupMembers,
  getGroupAuthorizedResources,
  createGroup,
  updateGroup,
  deleteGroupsBatch,
  addGroupMembers,
  removeGroupMembers,
] as const;
