import type { Db } from '../db/database.ts';
import { advanceResources, nextResourceDueAt } from '../repositories/resource-transitions.ts';
import { dueServers, nextServerDue } from '../repositories/servers.ts';
import { advance } from './transitions.ts';

/**
 * The lifecycle engine: moves servers (and, through the resources area, volumes, snapshots
 * and images) through their transitional states. Due times live in the database; the
 * engine sleeps on one timer set for the earliest of them, so nothing polls, and a restarted
 * cloud resumes every transition (overdue steps run at once).
 */
class Engine {
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly transitionMs: number,
    private readonly log: (err: unknown) => void,
  ) {}

  start(): void {
    this.wakeAt(Date.now());
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Makes sure the engine ticks no later than `atMs`. */
  wakeAt(atMs: number): void {
    if (this.stopped || atMs >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = atMs;
    this.timer = setTimeout(() => this.tick(), Math.max(0, atMs - Date.now()));
    // The HTTP server keeps the process alive; a pending transition alone must not.
    this.timer.unref();
  }

  tick(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    if (this.stopped || !this.db.open) return;
    let next: number | null = null;
    try {
      const now = Date.now();
      this.db.transaction(() => {
        // A resumed server may owe several steps; each pass takes the ones due now.
        for (let pass = 0; pass < 50; pass++) {
          const due = dueServers(this.db, now);
          if (due.length === 0) break;
          for (const row of due) advance(this.db, row, now, this.transitionMs);
        }
        advanceResources(this.db, now);
      })();
      const serverDue = nextServerDue(this.db);
      const resourceDue = nextResourceDueAt(this.db);
      next = serverDue === null ? resourceDue : resourceDue === null ? serverDue : Math.min(serverDue, resourceDue);
    } catch (err) {
      this.log(err);
      next = Date.now() + Math.max(50, this.transitionMs);
    }
    if (next !== null && Number.isFinite(next)) this.wakeAt(next);
  }
}

const engines = new WeakMap<Db, Engine>();

/**
 * Asks the engine of this database to tick at `atMs` (call after writing a due time).
 * Harmless when no engine runs (repository tests).
 */
export function scheduleTick(db: Db, atMs: number): void {
  engines.get(db)?.wakeAt(atMs);
}

/** Starts the engine of a database. Returns a function that stops it. */
export function startEngine(db: Db, transitionMs: number, log: (err: unknown) => void): () => void {
  const engine = new Engine(db, transitionMs, log);
  engines.set(db, engine);
  engine.start();
  return () => {
    engine.stop();
    engines.delete(db);
  };
}
