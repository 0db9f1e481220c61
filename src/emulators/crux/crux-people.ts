import type { SeededRandom } from '../random';
import { personName } from '../shared-names';
import type { CruxAccountManagerJson, CruxPersonJson } from './crux-data';
import { cruxEmail, cruxPhone } from './crux-format';

/** personName yields this many distinct names, then repeats. */
export const DISTINCT_NAMES = 400;

const JOB_TITLES = [
  'Account Manager',
  'Buyer',
  'Owner',
  'Operations Manager',
  'Sales Director',
  'Merchandising Lead',
  'Customer Success Manager',
];

export interface PersonOptions {
  /** Index for personName(). */
  nameIndex: number;
  /** Tells apart people whose names repeat: a number in the email. */
  lap?: number;
  /** Email domain, e.g. `acme.example.com`. */
  domain: string;
  /** Chance that `phone` is null. */
  nullPhone?: number;
  /** Chance that `job_title` is null. */
  nullJobTitle?: number;
}

export function seedPerson(rng: SeededRandom, options: PersonOptions): CruxPersonJson {
  const { firstName, lastName } = personName(options.nameIndex);
  return {
    uuid: rng.uuid(),
    first_name: firstName,
    last_name: lastName,
    email: cruxEmail(firstName, lastName, options.domain, options.lap),
    phone: rng.bool(options.nullPhone ?? 0) ? null : cruxPhone(rng),
    job_title: rng.bool(options.nullJobTitle ?? 0) ? null : rng.pick(JOB_TITLES),
  };
}

/** Crux's own staff: three account managers, shared by organizations and connections. */
export function seedAccountManagers(rng: SeededRandom): CruxAccountManagerJson[] {
  // Fixed names from the end of the personName range; staff are not drawn at random.
  return [DISTINCT_NAMES - 1, DISTINCT_NAMES - 22, DISTINCT_NAMES - 43].map((nameIndex) => {
    const uuid = rng.uuid();
    const person = seedPerson(rng, {
      nameIndex,
      domain: 'cruxaccountmanager.com',
      nullJobTitle: 0.3,
    });
    if (person.job_title !== null) person.job_title = 'Account Manager';
    return { uuid, person };
  });
}
