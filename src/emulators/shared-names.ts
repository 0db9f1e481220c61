/**
 * Organization names shared by the three emulators' seeds. The same company appears at several providers
 * (a retailer in Crux, a tenant organization in Auth0, an org in Datadog), so cross-provider views of one
 * name have something to show.
 */
const STEMS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Hooli',
  'Vandelay',
  'Wonka',
  'Gringotts',
  'Monarch',
  'Oscorp',
  'Pied Piper',
  'Massive Dynamic',
  'Aperture',
  'Black Mesa',
  'Blue Sun',
  'Dunder Mifflin',
  'Sterling Cooper',
  'Prestige',
  'Virtucon',
  'Nakatomi',
  'Oceanic',
  'Duff',
  'Krusty',
  'Planet Express',
  'Bluth',
];
const SUFFIXES = ['', ' Retail', ' Supply', ' Foods', ' Labs', ' Trading', ' Goods', ' Logistics'];

/** The i-th organization name: deterministic, unique for i below STEMS × SUFFIXES, then numbered. */
export function organizationName(i: number): string {
  const stem = STEMS[i % STEMS.length];
  const round = Math.floor(i / STEMS.length);
  const suffix = SUFFIXES[round % SUFFIXES.length];
  const lap = Math.floor(round / SUFFIXES.length);
  return `${stem}${suffix}${lap > 0 ? ` ${lap + 1}` : ''}`;
}

/** A lower-case, dash-separated form of a name, as Auth0 organization `name`s and websites use. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Margaret',
  'Ken',
  'Radia',
  'Linus',
  'Frances',
  'John',
  'Sophie',
  'Tim',
  'Hedy',
  'Dennis',
  'Joan',
  'Niklaus',
  'Anita',
  'Bjarne',
];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Thompson',
  'Perlman',
  'Torvalds',
  'Allen',
  'McCarthy',
  'Wilson',
  'Berners-Lee',
  'Lamarr',
  'Ritchie',
  'Clarke',
  'Wirth',
  'Borg',
  'Stroustrup',
];

export function personName(i: number): { firstName: string; lastName: string } {
  return {
    firstName: FIRST_NAMES[i % FIRST_NAMES.length],
    lastName: LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length],
  };
}
