/**
 * Group commit: every mutation asks for durability, but writes that arrive within `windowMs` of
 * each other (and all that arrive while a write is running) share one whole-file rewrite. lowdb
 * rewrites the entire file on each write() (issue #6), so one write per request is what this avoids.
 * A caller's promise resolves only after a write that started after its request has finished.
 */
export class GroupCommit {
  private waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly write: () => Promise<void>, private readonly windowMs: number) {}

  request(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Writes everything pending now (shutdown); resolves when the file is current. */
  async drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.running || this.waiting.length > 0) {
      if (this.running) await this.running.catch(() => undefined);
      else await this.flush();
    }
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.windowMs);
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.running = this.write();
    try {
      await this.running;
      for (const w of batch) w.resolve();
    } catch (e) {
      for (const w of batch) w.reject(e);
    } finally {
      this.running = undefined;
      if (this.waiting.length > 0) this.schedule();
    }
  }
}
