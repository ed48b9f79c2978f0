/**
 * The emulator's endpoint table: the only place an endpoint is declared. Each row names the
 * descriptor of `@genauth-groups/models` and its handler; the app derives the rest from the
 * descriptor: path and method, parameters (the query of a GET, the JSON body of a POST, validated
 * with `params`), auth (management credentials on the `management` side, an end user's token on
 * the `authentication` side, none for `anonymous` rows) and CORS (the `authentication` side only).
 * `CONTRIBUTING.md` walks through adding a row.
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
  getUser,
  getUserGroups,
  listGroupMembers,
  listGroups,
  listUsers,
  removeGroupMembers,
  signIn,
  updateGroup,
} from '@genauth-groups/models';
import { type ServedEndpoint, serve } from './http/served-endpoint.ts';
import * as authorizedResources from './routes/group-authorized-resources.ts';
import * as members from './routes/group-members.ts';
import * as writes from './routes/group-writes.ts';
import * as groups from './routes/groups.ts';
import * as managementToken from './routes/management-token.ts';
import * as myGroups from './routes/my-group-list.ts';
import * as signInRoute from './routes/sign-in.ts';
import * as userGroups from './routes/user-groups.ts';
import * as users from './routes/users.ts';

/** Every endpoint the emulator serves. */
export const servedEndpoints: readonly ServedEndpoint[] = [
  // Authentication side.
  serve(signIn, signInRoute.signIn, { anonymous: true }),
  serve(getMyGroupList, myGroups.getMyGroupList),
  // Management side.
  serve(getManagementToken, managementToken.getManagementToken, { anonymous: true }),
  serve(listGroups, groups.listGroups),
  serve(getGroup, groups.getGroup),
  serve(getAllGroups, groups.getAllGroups),
  serve(getUserGroups, userGroups.getUserGroups),
  serve(listGroupMembers, members.listGroupMembers),
  serve(getGroupAuthorizedResources, authorizedResources.getGroupAuthorizedResources),
  serve(listUsers, users.listUsers),
  serve(getUser, users.getUser),
  serve(createGroup, writes.createGroup),
  serve(updateGroup, writes.updateGroup),
  serve(deleteGroupsBatch, writes.deleteGroupsBatch),
  serve(addGroupMembers, writes.addGroupMembers),
  serve(removeGroupMembers, writes.removeGroupMembers),
];
