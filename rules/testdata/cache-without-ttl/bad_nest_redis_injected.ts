import { Injectable } from "@nestjs/common";
import { InjectRedis } from "@nestjs-modules/ioredis";
import Redis from "ioredis";

@Injectable()
export class RatesService {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async cacheRate(pair: string, rate: number): Promise<void> {
    await this.redis.set(`rate:${pair}`, rate.toString()); // want "cache-without-ttl: .*this.redis.set"
  }

  async cacheRateProperly(pair: string, rate: number): Promise<void> {
    await this.redis.set(`rate:${pair}`, rate.toString(), "EX", 60);
  }
}
