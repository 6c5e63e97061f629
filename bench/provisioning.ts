// Builds plain data shaped like `services.kanidm.provision`: groups with members and persons
// with display names, mail addresses and groups, generated the same way on every run.

/** One Kanidm person as `services.kanidm.provision.persons.<name>` holds it. */
export interface ProvisionedPerson {
  displayName: string;
  mailAddresses: string[];
  groups: string[];
}

/** The whole tree handed to `toNixExpr`. */
export interface ProvisioningTree {
  services: {
    kanidm: {
      provision: {
        enable: boolean;
        groups: Record<string, { members: string[] }>;
        persons: Record<string, ProvisionedPerson>;
      };
    };
  };
}

const FIRST_NAMES = [
  "ada", "bert", "chiara", "dmitri", "eun-ji", "farah", "gustav", "hana", "ivo", "jun",
  "kwame", "lena", "mateo", "noor", "oskar", "priya", "quinn", "rafael", "sofia", "tomas",
  "uma", "viktor", "wen", "ximena", "yusuf", "zoe",
]; // prettier-ignore

const LAST_NAMES = [
  "abara", "berg", "castillo", "dubois", "eriksen", "fontaine", "garcia", "haddad", "ito",
  "jensen", "kowalski", "lindqvist", "moreau", "nakamura", "okafor", "petrov", "quintero",
  "rossi", "schmidt", "tanaka", "urban", "vasquez", "weber", "xu", "yilmaz", "zimmer",
]; // prettier-ignore

const GROUP_TOPICS = [
  "ci", "infra", "release", "security", "docs", "web", "mobile", "data", "ml", "billing",
]; // prettier-ignore
const GROUP_ROLES = ["admins", "users", "reviewers", "oncall", "guests"];

/** The ~50 group names persons draw from: every topic with every role. */
export const GROUP_POOL: readonly string[] = GROUP_TOPICS.flatMap((topic) =>
  GROUP_ROLES.map((role) => `${topic}-${role}`),
);

/**
 * A small xorshift generator; a fixed seed keeps the data, and so the printed bytes, the
 * same across runs and machines, which the byte comparisons before and after changes need.
 */
function generator(seed: number): (limit: number) => number {
  let state = seed >>> 0 || 1;
  return (limit) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % limit;
  };
}

function capitalised(word: string): string {
  return word.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** The provisioning tree for `count` persons. */
export function provisioningTree(count: number, seed = 0x5eed): ProvisioningTree {
  const next = generator(seed);
  const persons: Record<string, ProvisionedPerson> = {};
  const members = new Map<string, string[]>(GROUP_POOL.map((group) => [group, []]));

  for (let i = 0; i < count; i++) {
    const first = FIRST_NAMES[next(FIRST_NAMES.length)]!;
    const last = LAST_NAMES[next(LAST_NAMES.length)]!;
    // The index keeps names unique; the digits vary in length like real account names.
    const name = `${first}_${last}${i}`;

    const mailAddresses = [`${first}.${last}${i}@example.com`];
    if (next(2) === 1) mailAddresses.push(`${first[0]}${last}${i}@users.example.org`);

    const groups = new Set<string>();
    const wanted = 1 + next(4);
    while (groups.size < wanted) groups.add(GROUP_POOL[next(GROUP_POOL.length)]!);
    for (const group of groups) members.get(group)!.push(name);

    persons[name] = {
      displayName: `${capitalised(first)} ${capitalised(last)}`,
      mailAddresses,
      groups: [...groups],
    };
  }

  const groups = Object.fromEntries(
    [...members].map(([group, names]) => [group, { members: names }]),
  );
  return { services: { kanidm: { provision: { enable: true, groups, persons } } } };
}
