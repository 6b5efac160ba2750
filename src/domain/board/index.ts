export {
  MIN_BOARD_WEEKS, MAX_BOARD_WEEKS, DEFAULT_BOARD_WEEKS, checkBoardWeeks, capacityOf, unitBoard, boards, boardCards,
  type Board, type BoardCard, type BoardCell, type BoardRow, type BoardOptions,
} from './board.ts';
export { MAX_CHECK_WEEKS, pastWeeks, checkWeeks, checksByUnit, type Check, type CheckRow, type WeekCheck } from './check.ts';
