/** The programme's part of the team board (the team module renders it). */
export { ProgrammeBoardPart } from './board-part.tsx';
/** The key the team board refetches when its live stream reports a change. */
export { programmeKeys } from './queries.ts';
