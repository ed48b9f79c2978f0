import { AuthenticationClient, isApiError } from '@genauth-groups/sdk';
import { readConfig } from './config.ts';
import { HostedLogin, type Session } from './hosted-login.ts';
import './style.css';
import { errorView, groupsView, h, loadingView, signInView } from './view.ts';

const config = readConfig();
const app = document.querySelector('#app') as HTMLElement;
const session = document.querySelector('#session') as HTMLElement;
(document.querySelector('#backend') as HTMLElement).textContent =
  `${config.emulator ? 'Local emulator' : 'GenAuth'} · ${config.appHost}`;

// The page itself is the callback: register `${origin}/` as the app's login and logout callback URL.
const login = new HostedLogin(config, `${location.origin}/`);
// The SDK asks for the token on each call; after a refusal (expired), the login renews it.
const client = new AuthenticationClient({
  appId: config.appId,
  appHost: config.appHost,
  accessToken: (request) => login.accessToken(request),
});

function show(view: HTMLElement): void {
  app.replaceChildren(view);
}

function showSignIn(error?: unknown): void {
  session.replaceChildren();
  show(
    signInView({
      emulator: config.emulator,
      error,
      onSignIn: () => {
        login.signIn().catch((failure: unknown) => showSignIn(failure));
      },
    }),
  );
}

function showSignedIn(user: Session): void {
  const signOut = h('button', { type: 'button', class: 'ghost', 'data-action': 'sign-out' }, 'Sign out');
  signOut.addEventListener('click', () => {
    login.signOut().catch((failure: unknown) => showSignIn(failure));
  });
  session.replaceChildren(h('span', {}, user.name), signOut);
  void loadGroups();
}

async function loadGroups(): Promise<void> {
  show(loadingView());
  try {
    const { data } = await client.getGroupList();
    show(groupsView(data, () => void loadGroups()));
  } catch (error) {
    // The session could not be renewed (refresh token expired or revoked): sign in again.
    if (isApiError(error) && error.apiCode === 2020 && !login.session()) {
      showSignIn(new Error('Your session has ended: sign in again.'));
      return;
    }
    show(errorView(error, () => void loadGroups()));
  }
}

async function start(): Promise<void> {
  const url = new URL(location.href);
  if (login.isCallback(url)) {
    // The code and state leave the address bar (and the history) at once.
    history.replaceState(null, '', url.pathname);
    show(loadingView());
    try {
      showSignedIn(await login.completeSignIn(url));
    } catch (error) {
      showSignIn(error);
    }
    return;
  }
  const current = login.session();
  if (current) showSignedIn(current);
  else showSignIn();
}

void start();
