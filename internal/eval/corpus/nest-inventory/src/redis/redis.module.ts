import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { createClient, RedisClientType } from 'redis';
import { appConfig } from '../common/config';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisShutdown implements OnModuleDestroy {
  constructor(@Inject(REDIS) private readonly redis: RedisClientType) {}

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      useFactory: async () => {
        const client = createClient({ url: appConfig.redisUrl, socket: { connectTimeout: 5_000 } });
        await client.connect();
        return client;
      },
    },
    RedisShutdown,
  ],
  exports: [REDIS],
})
export class RedisModule {}
