/** The barometer's part of the team board (the team module renders it). */
export { BarometerBoardPart } from './board-part.tsx';
