import { getGroupAuthorizedResources } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../testing/test-client.ts';

describe('get-group-authorized-resources', () => {
  const env = useEmulator();

  it('returns the resources of the default namespace', async () => {
    const { body } = await env.api.get(getGroupAuthorizedResources, { code: 'developer' });
    expect(body.data).toEqual([
      {
        resourceCode: 'ecs:1',
        description: 'Server',
        condition: [{ param: 'AppId', operator: 'StringEquals', value: '65f0a1b2c3d4e5f6a7b8c9d0' }],
        resourceType: 'API',
        apiIdentifier: '/api/v1/example',
        actions: ['ecs:Start', 'ecs:Stop'],
        effect: 'ALLOW',
      },
      {
        resourceCode: 'dashboard',
        description: 'Dashboard menu',
        condition: [],
        resourceType: 'MENU',
        apiIdentifier: null,
        actions: ['dashboard:view'],
        effect: 'ALLOW',
      },
    ]);
  });

  it('filters by resourceType and by namespace', async () => {
    const menus = await env.api.get(getGroupAuthorizedResources, { code: 'developer', resourceType: 'MENU' });
    expect(menus.body.data.map((resource) => resource.resourceCode)).toEqual(['dashboard']);
    const billing = await env.api.get(getGroupAuthorizedResources, {
      code: 'developer',
      namespace: 'billing',
    });
    expect(billing.body.data).toMatchObject([
      { resourceCode: 'invoices', effect: 'DENY', resourceType: 'DATA' },
    ]);
    const none = await env.api.get(getGroupAuthorizedResources, { code: 'ops' });
    expect(none.body.data).toEqual([]);
  });

  it('answers 分组不存在, 权限组不存在 and 参数 resourceType 格式错误', async () => {
    expect((await env.api.get(getGroupAuthorizedResources, { code: 'nope' })).body).toMatchObject({
      statusCode: 404,
      message: '分组不存在',
    });
    expect(
      (await env.api.get(getGroupAuthorizedResources, { code: 'developer', namespace: 'nope' })).body,
    ).toMatchObject({ statusCode: 404, message: '权限组不存在' });
    expect(
      (await env.api.get(getGroupAuthorizedResources, { code: 'developer', resourceType: 'FILE' })).body,
    ).toMatchObject({ statusCode: 400, message: '参数 resourceType 格式错误' });
  });
});
