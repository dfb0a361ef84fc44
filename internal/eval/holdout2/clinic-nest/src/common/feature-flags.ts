import { Injectable, OnModuleDestroy, OnModuleInit, Logger } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

// Flags are re-read every 30 s; the map is replaced as a whole, never appended to.
@Injectable()
export class FeatureFlags implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(FeatureFlags.name);
  private flags = new Map<string, boolean>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly prisma: PrismaService) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((err) => this.log.warn(`flag refresh failed: ${String(err)}`));
    }, 30_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    const rows = await this.prisma.featureFlag.findMany({ select: { key: true, enabled: true } });
    this.flags = new Map(rows.map((r) => [r.key, r.enabled]));
  }

  enabled(key: string): boolean {
    return this.flags.get(key) ?? false;
  }
}
