import { Injectable } from "@nestjs/common";
import { CacheService } from "./cache.service";

@Injectable()
export class ProductsService {
  constructor(private readonly cacheService: CacheService, private readonly redisService: RedisService) {}

  async get(id: string) {
    const hit = await this.cacheService.get(id);
    if (hit) return hit;
    const product = { id };
    // The wrapper applies its own TTL: we cannot see it, so no finding.
    await this.cacheService.set(id, product);
    await this.redisService.set(`p:${id}`, JSON.stringify(product));
    return product;
  }
}

interface RedisService {
  set(k: string, v: string): Promise<void>;
}
