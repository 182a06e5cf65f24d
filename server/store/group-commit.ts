/**
 * Group commit: every mutation asks for durability, but requests that arrive within `windowMs` of
 * each other (0: in the same turn of the event loop), and all that arrive while a write is running,
 * share one write-ahead log append.
 * A caller's promise resolves only after a write that started after its request has finished.
 */
export class GroupCommit {
  private waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private timer: { cancel(): void } | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly windowMs: number,
  ) {}

  request(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Writes everything pending now (shutdown); resolves when the file is current. */
  async drain(): Promise<void> {
    if (this.timer) {
      this.timer.cancel();
      this.timer = undefined;
    }
    while (this.running || this.waiting.length > 0) {
      if (this.running) await this.running.catch(() => undefined);
      else await this.flush();
    }
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    const fire = () => {
      this.timer = undefined;
      void this.flush();
    };
    // 0: the next turn of the event loop (a timer would add at least 1 ms to every write).
    if (this.windowMs > 0) {
      const t = setTimeout(fire, this.windowMs);
      this.timer = { cancel: () => clearTimeout(t) };
    } else {
      const i = setImmediate(fire);
      this.timer = { cancel: () => clearImmediate(i) };
    }
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
