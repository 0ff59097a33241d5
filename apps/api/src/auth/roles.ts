/** The French role names are shared with the dashboard. */
export { ROLE_LABELS } from '@sdat/api-types';
