// The page of the cross-origin browser test: served from another origin than the emulator, it
// signs a demo user in (POST /api/v3/signin, as the official SDKs do) and shows that user's groups
// through the SDK. Configuration comes from the query string (`timeout`: the client's, in ms).
import { AuthenticationClient, isApiError } from '@genauth-groups/sdk';

const query = new URLSearchParams(location.search);
const appHost = query.get('appHost') ?? '';
const appId = query.get('appId') ?? '';
const output = document.querySelector('#groups') as HTMLUListElement;
const status = document.querySelector('#status') as HTMLParagraphElement;

async function signIn(): Promise<string> {
  const response = await fetch(`${appHost}/api/v3/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': appId },
    body: JSON.stringify({
      connection: 'PASSWORD',
      passwordPayload: { username: query.get('username'), password: query.get('password') },
    }),
  });
  const reply = (await response.json()) as {
    statusCode: number;
    message: string;
    data?: { access_token?: string };
  };
  if (reply.statusCode !== 200 || !reply.data?.access_token)
    throw new Error(`sign-in failed: ${reply.message}`);
  return reply.data.access_token;
}

async function main(): Promise<void> {
  const client = new AuthenticationClient({
    appId,
    appHost,
    retry: 0,
    timeout: Number(query.get('timeout') ?? 10_000),
  });
  client.setAccessToken(query.get('token') ?? (await signIn()));
  const { data: groups } = await client.getGroupList();
  for (const group of groups) {
    const item = document.createElement('li');
    item.dataset.code = group.code;
    item.textContent = `${group.name} (${group.code})`;
    output.append(item);
  }
  status.textContent = `done: ${groups.length} groups`;
}

main().catch((error: unknown) => {
  status.textContent = isApiError(error)
    ? `ApiError ${error.statusCode} ${error.apiCode ?? ''}: ${error.serverMessage}`
    : `error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
});
