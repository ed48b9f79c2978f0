// The requests authing-py-sdk 5.1 sent (captured on the wire, contract 14), replayed unchanged
// against the emulator: only the credentials, which the capture could not know, are replaced.
import { capturedRequests } from '@genauth-groups/contract';
import { signIn } from '@genauth-groups/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReply, TestClient, useEmulator } from './testing/test-client.ts';

const captured = capturedRequests('fixtures/requests/authing-py-sdk-5.1.0-git.http');

// The capture's pool, access key and app, so that its token request goes through as sent.
const credentials = {
  userPoolId: '62e88c0fffffffffffffffff',
  accessKeyId: 'AKID000000000000000000aa',
  accessKeySecret: 'secret-not-real',
  appId: 'APPID0000000000000000001',
};
/** Headers fetch sets itself, or that describe the captured connection rather than the request. */
const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'accept-encoding']);

/** Replays a captured request, its `authorization` replaced by `authorization`. */
async function replay(
  client: TestClient,
  index: number,
  authorization?: string,
): Promise<{ path: string; body: Record<string, unknown> }> {
  const request = captured[index];
  if (!request) throw new Error(`the capture has no request ${index}`);
  const headers = Object.fromEntries(
    request.headers
      .filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()))
      .map(([name, value]) => [
        name,
        name.toLowerCase() === 'authorization' && authorization ? authorization : value,
      ]),
  );
  const { body } = await client.request(request.target, {
    method: request.method,
    headers,
    ...(request.body ? { body: request.body } : {}),
  });
  return { path: new URL(request.target, 'http://capture').pathname, body: body as Record<string, unknown> };
}

describe.each([false, true])('authing-py-sdk 5.1 requests, reproduceGetAllGroupsBugs: %s', (bugs) => {
  const env = useEmulator({ credentials, reproduceGetAllGroupsBugs: bugs });
  let client: TestClient;
  let managementToken: string;
  let userToken: string;

  beforeAll(async () => {
    client = new TestClient(env.emulator);
    const token = await replay(client, 0);
    expect(token).toMatchObject({ path: '/api/v3/get-management-token', body: { statusCode: 200 } });
    managementToken = (token.body.data as { access_token: string }).access_token;
    const signedIn = await client.post(
      signIn,
      { connection: 'PASSWORD', passwordPayload: { username: 'alice', password: 'Passw0rd!' } },
      { 'x-authing-app-id': credentials.appId },
    );
    userToken = signedIn.body.data.access_token as string;
  });

  it('captured the calls this test expects', () => {
    expect(captured.map((request) => `${request.method} ${request.target}`)).toEqual([
      'POST /api/v3/get-management-token',
      'GET /api/v3/list-groups',
      'GET /api/v3/list-groups?keywords=dev+ops&page=1&limit=10&withCustomData=True',
      'GET /api/v3/get-all-groups?fetchMembers=False',
      'GET /api/v3/get-user-groups?userId=a%40b.com&userIdType=email',
      'GET /api/v3/get-my-group-list',
    ]);
  });

  it('lists groups with no query, as list_groups() sends it', async () => {
    const { path, body } = await replay(client, 1, `Bearer ${managementToken}`);
    checkReply(path, body);
    expect(body).toMatchObject({ statusCode: 200, data: { totalCount: 7 } });
  });

  it('accepts withCustomData=True', async () => {
    const { body } = await replay(client, 2, `Bearer ${managementToken}`);
    expect(body).toMatchObject({ statusCode: 200, data: { totalCount: 0, list: [] } });
  });

  it(
    bugs
      ? 'takes fetchMembers=False as asking for members, and fails on the empty group, as the service does'
      : 'takes fetchMembers=False as false',
    async () => {
      const { body } = await replay(client, 3, `Bearer ${managementToken}`);
      if (bugs) expect(body).toMatchObject({ statusCode: 500, message: 'unknown error' });
      else
        expect((body.data as { members: unknown[] }[]).every((group) => group.members.length === 0)).toBe(
          true,
        );
    },
  );

  it('looks up a user by email (404: the capture names no demo user)', async () => {
    const { body } = await replay(client, 4, `Bearer ${managementToken}`);
    expect(body).toMatchObject({ statusCode: 404, apiCode: 2004 });
  });

  it('lists the signed-in user’s groups with the raw token get_group_list() sends', async () => {
    const { body } = await replay(client, 5, userToken);
    expect(body).toMatchObject({ statusCode: 200 });
    expect((body.data as { code: string }[]).map((group) => group.code)).toContain('developer');
  });
});
