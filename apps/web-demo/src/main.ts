import { AuthenticationClient } from '@genauth-groups/sdk';
import { readConfig } from './config.ts';
import { signIn } from './sign-in.ts';
import './style.css';
import { errorView, groupsView, h, loadingView, signInView } from './view.ts';

const config = readConfig();
const app = document.querySelector('#app') as HTMLElement;
const session = document.querySelector('#session') as HTMLElement;
(document.querySelector('#backend') as HTMLElement).textContent =
  `${config.emulator ? 'Local emulator' : 'GenAuth'} · ${config.appHost}`;

// The token lives in memory only: reloading the page signs out.
const client = new AuthenticationClient({ appId: config.appId, appHost: config.appHost });

function show(view: HTMLElement): void {
  app.replaceChildren(view);
}

function showSignIn(error?: unknown): void {
  session.replaceChildren();
  show(
    signInView({
      emulator: config.emulator,
      error,
      onSubmit: (account, password) => void start(account, password),
    }),
  );
}

async function start(account: string, password: string): Promise<void> {
  show(loadingView());
  try {
    client.setAccessToken(await signIn(config, account, password));
  } catch (error) {
    showSignIn(error);
    return;
  }
  const signOut = h('button', { type: 'button', class: 'ghost' }, 'Sign out');
  signOut.addEventListener('click', () => showSignIn());
  session.replaceChildren(h('span', {}, account), signOut);
  await loadGroups();
}

async function loadGroups(): Promise<void> {
  show(loadingView());
  try {
    const { data } = await client.getGroupList();
    show(groupsView(data, () => void loadGroups()));
  } catch (error) {
    show(errorView(error, () => void loadGroups()));
  }
}

showSignIn();
