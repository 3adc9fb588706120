/** The pages' dates are the server's one date module (Node-free): YYYY-MM-DD, reckoned in UTC. */
export { addDays, daysBetween, isIsoDate } from '../../../server/domain/iso-date.js';
