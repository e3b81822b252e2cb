import { clean } from './sql.ts';

/** Care leavers: the allocated worker, or the personal adviser where no worker is named. */
export const CARE_LEAVER_TEAM_WORKER = `${clean('allocated_team')} AS team, coalesce(${clean('allocated_worker')}, ${clean('personal_adviser')}) AS worker`;
