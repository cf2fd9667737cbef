/** The deterministic demo board and the generator behind it (also used by the benchmark). */
export { seedDemoIfEmpty, seedBoard, createRandom, DEMO_SPEC, type BoardSpec } from './demo.seed.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.data.ts';
/** A believable cycle history (years, conversations, reports, goals) on a seeded board. */
export { seedCycleHistory, type CycleHistoryOptions } from './demo.cycle.ts';
/** A living team board (goals with values, actions in every column, eight weeks of sessions) for one team. */
export { seedDemoTeamBoard, type DemoTeamBoardOptions } from './demo.team-board.ts';
/** The starting forms and about eight weeks of visits with filled kijkwijzers and talks, for the demo team. */
export { seedDemoVisits, type DemoVisitsOptions } from './demo.visits.ts';
/** Eight weeks of joint preparations and a team library with versions, for the demo team. */
export { seedDemoPreparations, type DemoPreparationsOptions } from './demo.preparations.ts';
