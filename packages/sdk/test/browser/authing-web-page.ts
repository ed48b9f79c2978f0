// The page of the @authing/web browser test: the official browser SDK signs the user in by
// redirect to the app's hosted login (the emulator's), unchanged, and our SDK reads the groups
// with the token @authing/web holds. Its configuration is in the page (#config).
import { Authing } from '@authing/web';
import { AuthenticationClient, isApiError } from '@genauth-groups/sdk';

const config = JSON.parse(document.querySelector('#config')?.textContent ?? '{}') as {
  domain: string;
  appId: string;
  userPoolId: string;
};
const status = document.querySelector('#status') as HTMLElement;
const output = document.querySelector('#groups') as HTMLUListElement;

const auth = new Authing({
  domain: config.domain,
  appId: config.appId,
  userPoolId: config.userPoolId,
  redirectUri: `${location.origin}/`,
  scope: 'openid profile email',
});
const client = new AuthenticationClient({
  appId: config.appId,
  appHost: config.domain,
  retry: 0,
  // The README's integration: the SDK asks @authing/web for its current token on each call.
  accessToken: async ({ refresh }) => (await auth.getLoginState({ ignoreCache: refresh }))?.accessToken,
});

async function main(): Promise<void> {
  if (auth.isRedirectCallback()) {
    await auth.handleRedirectCallback();
    history.replaceState(null, '', '/');
  }
  const state = await auth.getLoginState();
  if (!state) {
    const button = document.createElement('button');
    button.id = 'sign-in';
    button.textContent = 'Sign in';
    button.addEventListener('click', () => void auth.loginWithRedirect());
    status.replaceWith(button);
    return;
  }
  const { data: groups } = await client.getGroupList();
  for (const group of groups) {
    const item = document.createElement('li');
    item.dataset.code = group.code;
    item.textContent = group.name;
    output.append(item);
  }
  status.textContent = `done: ${groups.length} groups as ${String(state.parsedIdToken?.preferred_username ?? '')}`;
}

main().catch((error: unknown) => {
  status.textContent = isApiError(error)
    ? `ApiError ${error.statusCode} ${error.apiCode ?? ''}: ${error.serverMessage}`
    : `error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
});
