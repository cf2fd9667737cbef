// The generated board the benchmark measures against: 40 schools of ~10 teams of ~10 staff at scale 1.
import { createRandom, type BoardSpec } from '../apps/api/src/modules/demo/index.ts';

export const BENCH_SEED = 20_261_124;
export const BENCH_PASSWORD = 'bench-wachtwoord-2026';

type School = BoardSpec['schools'][number];
type Team = School['teams'][number];

const PLACES = ['Oost', 'West', 'Noord', 'Zuid', 'Centrum', 'Haven', 'Dijk', 'Veld', 'Brink', 'Molen'];
const PO_NAMES = ['De Regenboog', 'De Vlinder', 'Het Kompas', 'De Wegwijzer', 'De Springplank', 'Het Palet'];
const VO_NAMES = ['College', 'Lyceum', 'Scholengemeenschap', 'Vakcollege'];
const SUBJECTS: [string, string][] = [
  ['Exact', 'Docent wiskunde'],
  ['Talen', 'Docent Engels'],
  ['Nederlands', 'Docent Nederlands'],
  ['Mens en maatschappij', 'Docent geschiedenis'],
  ['Kunst en bewegen', 'Docent LO'],
  ['Onderbouw', 'Docent'],
  ['Bovenbouw havo', 'Docent'],
  ['Bovenbouw vwo', 'Docent'],
];
const GROUPS = ['Groep 1-2', 'Groep 3', 'Groep 4', 'Groep 5', 'Groep 6', 'Groep 7', 'Groep 8', 'Plusklas', 'Taalklas'];

/**
 * A deterministic board spec: `scale` multiplies the number of schools (40 at scale 1, at least 1), every school
 * has 10 teams of 8–12 staff (10 on average), so scale 1 holds about 4,000 staff plus their leaders.
 */
export function benchBoardSpec(scale: number, seed: number): BoardSpec {
  const rnd = createRandom(BENCH_SEED);
  const size = () => 8 + Math.floor(rnd.next() * 5);
  const schoolCount = Math.max(1, Math.round(40 * scale));
  const schools: School[] = [];
  for (let i = 0; i < schoolCount; i++) {
    const vo = i % 4 === 3;
    const place = `${PLACES[i % PLACES.length]!} ${Math.floor(i / PLACES.length) + 1}`;
    const teams: Team[] = vo
      ? SUBJECTS.map(([name, jobTitle]) => ({ name, kind: 'onderwijs', size: size(), staffRole: 'docent', jobTitle }))
      : GROUPS.map((name) => ({ name, kind: 'onderwijs', size: size(), staffRole: 'docent', jobTitle: 'Leerkracht' }));
    teams.push({
      name: 'Ondersteuning',
      kind: 'ondersteuning',
      size: size(),
      staffRole: 'oop',
      jobTitle: 'Onderwijsassistent',
    });
    if (vo) {
      teams.push({
        name: 'Administratie',
        kind: 'ondersteuning',
        size: size(),
        staffRole: 'oop',
        jobTitle: 'Administratief medewerker',
      });
    }
    schools.push({
      name: vo ? `${VO_NAMES[i % VO_NAMES.length]!} ${place}` : `${PO_NAMES[i % PO_NAMES.length]!} ${place}`,
      kind: vo ? 'vo' : 'po',
      brin: `${String(10 + (i % 90))}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
      teams,
    });
  }
  // Only digits in slug and domain, so the staff search term never matches the domain every address shares.
  return {
    name: `Benchmarkbestuur ${seed}`,
    slug: `bench-${seed}`,
    domain: `b${seed}.bench.groeipad.nl`,
    schools,
    seed,
    namedAccounts: true,
  };
}

/** The board id seedBoard derives from a seed: it is the generator's first uuid. */
export function boardIdFor(seed: number): string {
  return createRandom(seed).uuid();
}
