import { Injectable, Logger } from '@nestjs/common';
import LRU from 'lru-cache';
import { appConfig } from '../common/config';

export interface Supplier {
  id: string;
  name: string;
  leadTimeDays: number;
  minOrderValueCents: number;
  contactEmail: string;
}

export interface SupplierQuote {
  supplierId: string;
  sku: string;
  unitCostCents: number;
  validUntil: string;
}

@Injectable()
export class SuppliersService {
  private readonly logger = new Logger(SuppliersService.name);

  // Suppliers change rarely; keep a bounded, time-limited copy.
  private readonly suppliers = new LRU<string, Supplier>({ max: 2_000, maxAge: 15 * 60 * 1000 });

  // Quotes are keyed by supplier+sku and kept for the life of the process.
  private readonly quotes = new LRU<string, SupplierQuote>(); // expect: cache-without-ttl

  async getSupplier(id: string): Promise<Supplier> {
    const cached = this.suppliers.get(id);
    if (cached) {
      return cached;
    }
    const supplier = await this.request<Supplier>(`/suppliers/${encodeURIComponent(id)}`);
    this.suppliers.set(id, supplier);
    return supplier;
  }

  async getQuote(supplierId: string, sku: string): Promise<SupplierQuote> {
    const key = `${supplierId}:${sku}`;
    const cached = this.quotes.get(key);
    if (cached && new Date(cached.validUntil) > new Date()) {
      return cached;
    }
    const quote = await this.request<SupplierQuote>(`/suppliers/${supplierId}/quotes/${encodeURIComponent(sku)}`);
    this.quotes.set(key, quote);
    return quote;
  }

  private async request<T>(path: string): Promise<T> {
    const res = await fetch(`${appConfig.supplierApiUrl}${path}`, { signal: AbortSignal.timeout(3_000) });
    if (!res.ok) {
      this.logger.warn(`supplier api ${path} -> ${res.status}`);
      throw new Error(`supplier api responded ${res.status}`);
    }
    return (await res.json()) as T;
  }
}
