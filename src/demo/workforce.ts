/**
 * The demo council's teams and social workers, and who holds each child's case.
 *
 * Workers are hired as cases arrive: an open case goes to a worker of the right kind of team who still has
 * room, and a new worker joins (in a new team when the last is full) when nobody has. Each worker's capacity
 * is drawn once: most hold 15–22 children, a few part-timers fewer, and about 5% are stretched over 25
 * (DfE children's social work workforce 2025: average caseload 15.2, csww_indicators_2017_to_2025). About 3%
 * of open cases are left unallocated. Closed cases show the last worker of the team that held them.
 */
import type { Rng } from './prng.ts';
import type { TeamKind } from './journeys.ts';

const FIRST_NAMES = [
  'Aisha',
  'Alex',
  'Amara',
  'Ben',
  'Bethan',
  'Callum',
  'Chloe',
  'Daniel',
  'Deepa',
  'Eilidh',
  'Emeka',
  'Erin',
  'Farah',
  'Gareth',
  'Grace',
  'Hannah',
  'Harpreet',
  'Imran',
  'Isla',
  'Jack',
  'Jade',
  'Jamal',
  'Joanne',
  'Kate',
  'Kwame',
  'Laura',
  'Liam',
  'Lucy',
  'Maria',
  'Mohammed',
  'Nadia',
  'Niamh',
  'Oliver',
  'Olu',
  'Priya',
  'Rachel',
  'Rhys',
  'Ruth',
  'Sam',
  'Sarah',
  'Shauna',
  'Simon',
  'Sophie',
  'Tariq',
  'Tom',
  'Victoria',
  'Wei',
  'Yasmin',
  'Zainab',
  'Zoe',
];
const LAST_NAMES = [
  'Adeyemi',
  'Ahmed',
  'Baker',
  'Begum',
  'Bennett',
  'Brown',
  'Campbell',
  'Chen',
  'Clarke',
  'Davies',
  'Edwards',
  'Evans',
  'Fletcher',
  'Green',
  'Hall',
  'Harris',
  'Hughes',
  'Hussain',
  'Jackson',
  'James',
  'Jones',
  'Kaur',
  'Khan',
  'Kowalski',
  'Lewis',
  'Mensah',
  'Mitchell',
  'Morgan',
  'Murphy',
  'Nowak',
  'Okafor',
  'Owen',
  'Patel',
  'Phillips',
  'Price',
  'Quinn',
  'Roberts',
  'Robinson',
  'Shah',
  'Singh',
  'Smith',
  'Taylor',
  'Thomas',
  'Turner',
  'Walker',
  'Ward',
  'Watson',
  'White',
  'Williams',
  'Wright',
];
const INITIALS = 'ABCDEFGHJKLMNPRSTW';

/** Workers per team before a new team of the same kind is opened. */
const TEAM_SIZE: Record<TeamKind, number> = {
  MASH: 10,
  'Duty & Assessment': 7,
  Safeguarding: 7,
  'Children in Care': 7,
  'Care Leavers': 9,
  'Children with Disabilities': 8,
  Adoption: 6,
};
/** Kinds with numbered teams from the start (Duty & Assessment 1, Safeguarding 1, ...). */
const NUMBERED: ReadonlySet<TeamKind> = new Set(['Duty & Assessment', 'Safeguarding', 'Children in Care']);
/** Share of open cases with no allocated worker. */
export const UNALLOCATED_RATE = 0.03;

interface Worker {
  name: string;
  team: Team;
  capacity: number;
  load: number;
}
interface Team {
  name: string;
  kind: TeamKind;
  workers: Worker[];
}

export interface Allocation {
  team: string;
  /** '' when the case is unallocated */
  worker: string;
}

export class Workforce {
  private readonly teams: Team[] = [];
  private readonly byKind = new Map<TeamKind, { teams: Team[]; withRoom: Worker[]; all: Worker[] }>();
  private readonly names = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** The team and worker for a child's case; `open` cases count towards the worker's caseload. */
  allocate(kind: TeamKind, open: boolean): Allocation {
    const pool = this.pool(kind);
    const rng = this.rng;
    if (open) {
      if (rng.chance(UNALLOCATED_RATE)) {
        const team = pool.teams.length > 0 ? rng.pick(pool.teams) : this.hire(kind).team;
        return { team: team.name, worker: '' };
      }
      if (pool.withRoom.length === 0) this.hire(kind);
      const i = Math.floor(rng.next() * pool.withRoom.length);
      const worker = pool.withRoom[i] as Worker;
      worker.load++;
      if (worker.load >= worker.capacity) {
        pool.withRoom[i] = pool.withRoom[pool.withRoom.length - 1] as Worker;
        pool.withRoom.pop();
      }
      return { team: worker.team.name, worker: worker.name };
    }
    const worker = pool.all.length > 0 ? rng.pick(pool.all) : this.hire(kind);
    return { team: worker.team.name, worker: worker.name };
  }

  /** Teams in the order they were formed, with their workers. */
  list(): { name: string; workers: string[] }[] {
    return this.teams.map((t) => ({ name: t.name, workers: t.workers.map((w) => w.name) }));
  }

  /** Each worker's number of open cases (for tests and the demo's own report). */
  caseloads(): Map<string, number> {
    const out = new Map<string, number>();
    for (const t of this.teams) for (const w of t.workers) out.set(w.name, w.load);
    return out;
  }

  private pool(kind: TeamKind) {
    let pool = this.byKind.get(kind);
    if (!pool) {
      pool = { teams: [], withRoom: [], all: [] };
      this.byKind.set(kind, pool);
    }
    return pool;
  }

  private hire(kind: TeamKind): Worker {
    const pool = this.pool(kind);
    let team = pool.teams[pool.teams.length - 1];
    if (!team || team.workers.length >= TEAM_SIZE[kind]) {
      const n = pool.teams.length + 1;
      const name = NUMBERED.has(kind) ? `${kind} ${n}` : n === 1 ? kind : `${kind} ${n}`;
      team = { name, kind, workers: [] };
      pool.teams.push(team);
      this.teams.push(team);
    }
    const rng = this.rng;
    const x = rng.next();
    const capacity = x < 0.05 ? rng.int(26, 30) : x < 0.15 ? rng.int(10, 14) : rng.int(15, 22);
    const worker: Worker = { name: this.newName(), team, capacity, load: 0 };
    team.workers.push(worker);
    pool.all.push(worker);
    pool.withRoom.push(worker);
    return worker;
  }

  private newName(): string {
    const rng = this.rng;
    for (let attempt = 0; ; attempt++) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const name =
        attempt < 3
          ? `${first} ${last}`
          : attempt < 50
            ? `${first} ${INITIALS[rng.int(0, INITIALS.length - 1)]}. ${last}`
            : `${first} ${last}-${rng.pick(LAST_NAMES)}`;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }
}
