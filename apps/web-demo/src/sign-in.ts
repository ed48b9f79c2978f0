import { ApiError } from '@genauth-groups/sdk';
import type { DemoConfig } from './config.ts';

/**
 * Password sign-in, as authing-node-sdk's `signInByAccountPassword` posts it
 * (`POST /api/v3/signin`, connection `PASSWORD`): the demo's way to get an access token. A real
 * app would rather use GenAuth's hosted login; the SDK does not care where the token comes from.
 */
export async function signIn(config: DemoConfig, account: string, password: string): Promise<string> {
  const response = await fetch(`${config.appHost.replace(/\/+$/, '')}/api/v3/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': config.appId },
    body: JSON.stringify({ connection: 'PASSWORD', passwordPayload: { account, password } }),
  });
  const reply = (await response.json()) as {
    statusCode: number;
    message: string;
    apiCode?: number;
    requestId?: string;
    data?: { access_token?: string };
  };
  if (reply.statusCode !== 200 || !reply.data?.access_token) {
    throw new ApiError({
      endpoint: 'POST /api/v3/signin',
      statusCode: reply.statusCode,
      serverMessage: reply.message,
      apiCode: reply.apiCode,
      requestId: reply.requestId,
      httpStatus: response.status,
    });
  }
  return reply.data.access_token;
}
