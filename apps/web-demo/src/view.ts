// Rendering, with server values always set as text (textContent), never parsed as HTML.
import { type GroupDto, isApiError, isNetworkError, isTimeoutError } from '@genauth-groups/sdk';

type Child = Node | string;

/** `h('p', { class: 'x' }, 'text', child)`: an element with attributes and children, text as text. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

export function loadingView(): HTMLElement {
  const skeleton = () =>
    h('li', { class: 'card skeleton', 'aria-hidden': 'true' }, h('div'), h('div'), h('div'));
  return h(
    'section',
    { 'data-state': 'loading' },
    h('h1', {}, 'Your groups'),
    h('p', { class: 'muted' }, 'Loading your groups…'),
    h('ul', { class: 'grid' }, skeleton(), skeleton(), skeleton()),
  );
}

export function groupsView(groups: readonly GroupDto[], onRefresh: () => void): HTMLElement {
  const refresh = h('button', { type: 'button', class: 'ghost' }, 'Refresh');
  refresh.addEventListener('click', onRefresh);
  const heading = h('div', { class: 'heading' }, h('h1', {}, 'Your groups'), refresh);
  if (groups.length === 0) {
    return h(
      'section',
      { 'data-state': 'empty' },
      heading,
      h(
        'div',
        { class: 'empty' },
        h('p', { class: 'big' }, 'You are not in any group yet.'),
        h('p', { class: 'muted' }, 'An administrator adds you to groups in the GenAuth console.'),
      ),
    );
  }
  const count = `${groups.length} ${groups.length === 1 ? 'group' : 'groups'}`;
  return h(
    'section',
    { 'data-state': 'groups' },
    heading,
    h('p', { class: 'muted' }, count),
    h('ul', { class: 'grid' }, ...groups.map(groupCard)),
  );
}

function groupCard(group: GroupDto): HTMLElement {
  const details = h(
    'dl',
    {},
    h('dt', {}, 'Code'),
    h('dd', {}, h('code', {}, group.code)),
    h('dt', {}, 'Type'),
    h('dd', {}, group.type),
    h('dt', {}, 'ID'),
    h('dd', {}, h('code', {}, group.id)),
  );
  return h(
    'li',
    { class: 'card', 'data-code': group.code },
    h('h2', {}, group.name),
    h('p', { class: 'description' }, group.description || 'No description.'),
    details,
  );
}

export function errorView(error: unknown, onRetry: () => void): HTMLElement {
  const retry = h('button', { type: 'button' }, 'Try again');
  retry.addEventListener('click', onRetry);
  return h(
    'section',
    { 'data-state': 'error', class: 'error' },
    h('h1', {}, 'Could not load your groups'),
    ...describe(error),
    retry,
  );
}

function describe(error: unknown): HTMLElement[] {
  if (isApiError(error)) {
    const codes = [
      `statusCode ${error.statusCode}`,
      error.apiCode === undefined ? '' : `apiCode ${error.apiCode}`,
    ]
      .filter(Boolean)
      .join(' · ');
    return [
      h('p', { class: 'big' }, error.serverMessage),
      h('p', { class: 'muted' }, `${codes}${error.requestId ? ` · request ${error.requestId}` : ''}`),
    ];
  }
  if (isNetworkError(error))
    return [
      h('p', { class: 'big' }, 'The server could not be reached.'),
      h('p', { class: 'muted' }, 'Is it running? Check the address below.'),
    ];
  if (isTimeoutError(error)) return [h('p', { class: 'big' }, `No answer within ${error.timeout / 1000} s.`)];
  return [h('p', { class: 'big' }, error instanceof Error ? error.message : String(error))];
}

export function signInView(options: {
  emulator: boolean;
  error?: unknown;
  onSignIn: () => void;
}): HTMLElement {
  const button = h('button', { type: 'button', 'data-action': 'sign-in' }, 'Sign in');
  button.addEventListener('click', options.onSignIn);
  const view = h(
    'section',
    { class: 'signin', 'data-state': 'signed-out' },
    h('h1', {}, 'Sign in to see your groups'),
    h('p', { class: 'muted' }, "You sign in on the app's hosted login page, then come back here."),
    button,
  );
  if (options.error !== undefined)
    view.append(
      h(
        'p',
        { class: 'form-error', role: 'alert' },
        isApiError(options.error)
          ? options.error.serverMessage
          : options.error instanceof Error
            ? options.error.message
            : String(options.error),
      ),
    );
  if (options.emulator) {
    view.append(
      h(
        'p',
        { class: 'muted hint' },
        'Local emulator: try ',
        h('code', {}, 'alice'),
        ' or ',
        h('code', {}, 'frank'),
        ' with ',
        h('code', {}, 'Passw0rd!'),
      ),
    );
  }
  return view;
}
