import { seededRandom } from '../random.ts';
import { objectId } from '../store/ids.ts';
import type { Dataset, GroupSeed, UserSeed } from './dataset.ts';

/** What to generate (`--groups N --users M --seed S`). */
export interface GenerateOptions {
  /** How many groups, codes `team-00001`... */
  readonly groups: number;
  /** How many users, usernames `user000001`... Each joins one to three groups. */
  readonly users: number;
  /** The same seed gives the same data, ids included. @default 1 */
  readonly seed?: number;
}

const ADJECTIVES = ['Blue', 'Swift', 'Quiet', 'Bright', 'Bold', 'Calm', 'Iron', 'Silver', 'Golden', 'Lucky'];
const NOUNS = [
  'Falcons',
  'Otters',
  'Pandas',
  'Comets',
  'Pioneers',
  'Rangers',
  'Builders',
  'Makers',
  'Owls',
  'Tigers',
];
const FIRST_NAMES = [
  'Wei',
  'Jing',
  'Min',
  'Lei',
  'Yan',
  'Hui',
  'Jun',
  'Ting',
  'Anna',
  'Omar',
  'Lena',
  'Ravi',
];
const LAST_NAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Smith',
  'Garcia',
];
const LEVELS = ['P4', 'P5', 'P6', 'P7', 'P8'];
const GENDERS = ['M', 'F', 'U'];
const DEPARTMENTS = Array.from({ length: 20 }, (_, index) => `dept-${String(index + 1).padStart(2, '0')}`);
const LARK_IDP = '6601c2d3e4f5a6b7c8d9e0ff';
// Timestamps start here, one second per item, so that they do not depend on when seeding runs.
const EPOCH = Date.UTC(2025, 0, 1);

/** The code of the `index`th generated group (from 0). */
export function generatedGroupCode(index: number): string {
  return `team-${String(index + 1).padStart(5, '0')}`;
}

/**
 * A deterministic pool of groups and users. Users stream from a generator, so that 100 000 of
 * them are never all in memory. Group sizes are skewed (a few large groups, many small ones), as
 * in real pools: `team-00001` gets about 5 % of all users.
 */
export function generatedDataset({ groups, users, seed = 1 }: GenerateOptions): Dataset {
  const random = seededRandom(seed);
  const idAt = (index: number) => objectId(EPOCH + index * 1000, random.bytes);
  const groupSeeds: GroupSeed[] = Array.from({ length: groups }, (_, index) => ({
    id: idAt(index),
    code: generatedGroupCode(index),
    name: `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${index + 1}`,
    description: `Generated group ${index + 1}`,
    ...(index % 10 === 0 ? { customData: { region: random.pick(['north', 'south', 'east', 'west']) } } : {}),
  }));

  function* userSeeds(): Generator<UserSeed> {
    for (let index = 0; index < users; index++) {
      const number = String(index + 1).padStart(6, '0');
      const memberOf = new Set<string>();
      const count = groups === 0 ? 0 : 1 + random.int(3);
      // Cubing a uniform draw skews it towards 0: low group indexes get most members.
      for (let pick = 0; pick < count; pick++)
        memberOf.add(generatedGroupCode(Math.floor(groups * random.next() ** 3)));
      yield {
        userId: idAt(index),
        username: `user${number}`,
        email: `user${number}@example.org`,
        phone: `139${String(index + 1).padStart(8, '0')}`,
        phoneCountryCode: '+86',
        externalId: `EXT-${number}`,
        name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        gender: random.pick(GENDERS),
        emailVerified: random.next() < 0.8,
        userSourceType: 'sync',
        createdAt: new Date(EPOCH + index * 1000).toISOString(),
        customData: { employeeLevel: random.pick(LEVELS) },
        departmentIds: [random.pick(DEPARTMENTS)],
        ...(index % 4 === 0
          ? {
              identities: [
                {
                  identityId: idAt(index),
                  extIdpId: LARK_IDP,
                  provider: 'lark',
                  userIdInIdp: `ou_${number}`,
                },
              ],
            }
          : {}),
        groups: [...memberOf],
      };
    }
  }

  return { groups: groupSeeds, users: userSeeds() };
}
