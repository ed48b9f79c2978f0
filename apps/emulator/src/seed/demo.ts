/**
 * The demo data set: a few groups and users that show every feature of the API. Ids and times are
 * fixed, so that docs and tests can name them.
 *
 * - `all-staff` has 61 members, so that paging (limit 50) shows;
 * - `developer` has authorized resources in the `default` and `billing` namespaces;
 * - `contractors` is empty; `frank` is in no group;
 * - alice, bob and carol have identities (wechatwork, lark, github), custom data and departments;
 * - `rd-center` has a Chinese name (研发中心), for keyword search beyond ASCII.
 *
 * @module
 */
import type { Dataset, GroupSeed, UserSeed } from './dataset.ts';

/** The password of every demo user unless `demoPassword` says otherwise. */
export const DEFAULT_DEMO_PASSWORD = 'Passw0rd!';

/** The named demo users, the ones the start banner lists. */
export const DEMO_USERNAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'] as const;

const STAFF = 56;
const AVATAR = 'https://files.authing.co/authing-console/default-user-avatar.png';

const groups: GroupSeed[] = [
  {
    id: '65f0c1d2e3f4a5b6c7d8e9f0',
    code: 'all-staff',
    name: 'All staff',
    description: 'Everyone in the company',
  },
  {
    id: '65f0c1d2e3f4a5b6c7d8e9f1',
    code: 'developer',
    name: 'Developers',
    description: 'Everyone who ships code',
    customData: { slackChannel: '#dev' },
    authorizedResources: [
      {
        resourceCode: 'ecs:1',
        resourceType: 'API',
        description: 'Server',
        apiIdentifier: '/api/v1/example',
        actions: ['ecs:Start', 'ecs:Stop'],
        condition: [{ param: 'AppId', operator: 'StringEquals', value: '65f0a1b2c3d4e5f6a7b8c9d0' }],
      },
      {
        resourceCode: 'dashboard',
        resourceType: 'MENU',
        description: 'Dashboard menu',
        actions: ['dashboard:view'],
      },
      {
        namespace: 'billing',
        resourceCode: 'invoices',
        resourceType: 'DATA',
        actions: ['invoices:read'],
        effect: 'DENY',
      },
    ],
  },
  { id: '65f0c1d2e3f4a5b6c7d8e9f2', code: 'ops', name: 'Operations', description: 'On-call rotation' },
  {
    id: '65f0c1d2e3f4a5b6c7d8e9f3',
    code: 'auditors',
    name: 'Auditors',
    description: 'Read-only access to audit logs',
  },
  {
    id: '65f0c1d2e3f4a5b6c7d8e9f4',
    code: 'designer',
    name: 'Designers',
    description: 'Product and visual design',
  },
  { id: '65f0c1d2e3f4a5b6c7d8e9f5', code: 'contractors', name: 'Contractors', description: 'Nobody yet' },
  { id: '65f0c1d2e3f4a5b6c7d8e9f6', code: 'rd-center', name: '研发中心', description: 'R&D center' },
];

function namedUsers(password: string): UserSeed[] {
  const common = {
    password,
    photo: AVATAR,
    phoneCountryCode: '+86',
    emailVerified: true,
    userSourceType: 'adminCreated',
    registerSource: ['import:manual'],
    createdAt: '2024-03-11T08:15:02.417Z',
  } as const;
  return [
    {
      ...common,
      userId: '65f0b3c4d5e6f7a8b9c0d1e1',
      username: 'alice',
      email: 'alice@example.com',
      phone: '13800000001',
      externalId: 'EMP-1001',
      name: 'Alice Wang',
      nickname: 'alice',
      gender: 'F',
      company: 'Example Co.',
      mainDepartmentId: 'dept-engineering',
      departmentIds: ['dept-engineering', 'dept-platform'],
      customData: { employeeLevel: 'P6', costCenter: 'CC-42' },
      identities: [
        {
          identityId: '6601c2d3e4f5a6b7c8d9e0f1',
          extIdpId: '6601c2d3e4f5a6b7c8d9e0aa',
          provider: 'wechatwork',
          userIdInIdp: 'wwu_alice',
          userInfoInIdp: { userid: 'wwu_alice', name: 'Alice Wang' },
          originConnIds: ['6601c2d3e4f5a6b7c8d9e0bb'],
        },
      ],
      groups: ['all-staff', 'developer', 'rd-center'],
    },
    {
      ...common,
      userId: '65f0b3c4d5e6f7a8b9c0d1e2',
      username: 'bob',
      email: 'bob@example.com',
      phone: '13800000002',
      phoneVerified: true,
      externalId: 'EMP-1002',
      name: 'Bob Li',
      gender: 'M',
      mainDepartmentId: 'dept-engineering',
      departmentIds: ['dept-engineering'],
      customData: { employeeLevel: 'P5' },
      identities: [
        {
          identityId: '6601c2d3e4f5a6b7c8d9e0f2',
          extIdpId: '6601c2d3e4f5a6b7c8d9e0ac',
          provider: 'lark',
          userIdInIdp: 'ou_bob',
          userInfoInIdp: { open_id: 'ou_bob' },
        },
      ],
      groups: ['all-staff', 'developer', 'ops'],
    },
    {
      ...common,
      userId: '65f0b3c4d5e6f7a8b9c0d1e3',
      username: 'carol',
      email: 'carol@example.com',
      phone: '13800000003',
      externalId: 'EMP-1003',
      name: 'Carol Zhang',
      gender: 'F',
      departmentIds: ['dept-design'],
      customData: { employeeLevel: 'P7' },
      identities: [
        {
          identityId: '6601c2d3e4f5a6b7c8d9e0f3',
          extIdpId: '6601c2d3e4f5a6b7c8d9e0ad',
          provider: 'github',
          userIdInIdp: '1010101',
          userInfoInIdp: { login: 'carol-z' },
        },
      ],
      groups: ['all-staff', 'designer'],
    },
    {
      ...common,
      userId: '65f0b3c4d5e6f7a8b9c0d1e4',
      username: 'dave',
      email: 'dave@example.com',
      name: 'Dave Chen',
      gender: 'M',
      groups: ['all-staff', 'developer', 'rd-center'],
    },
    {
      ...common,
      userId: '65f0b3c4d5e6f7a8b9c0d1e5',
      username: 'erin',
      email: 'erin@example.com',
      phone: '13800000005',
      name: 'Erin Zhao',
      groups: ['all-staff', 'ops', 'auditors'],
    },
    {
      ...common,
      userId: '65f0b3c4d5e6f7a8b9c0d1e6',
      username: 'frank',
      email: 'frank@example.com',
      name: 'Frank Sun',
      gender: 'M',
    },
  ];
}

function* staff(password: string): Generator<UserSeed> {
  for (let index = 1; index <= STAFF; index++) {
    const number = String(index).padStart(2, '0');
    yield {
      userId: `65f0b3c4d5e6f7a8b9c1${index.toString(16).padStart(4, '0')}`,
      username: `staff${number}`,
      email: `staff${number}@example.com`,
      name: `Staff ${number}`,
      password,
      createdAt: new Date(Date.UTC(2024, 3, 1, 9, index)).toISOString(),
      groups: ['all-staff'],
    };
  }
}

/** The demo data set, every user with `password`. */
export function demoDataset(password: string = DEFAULT_DEMO_PASSWORD): Dataset {
  return {
    namespaces: ['billing'],
    groups,
    users: [...namedUsers(password), ...staff(password)],
  };
}
