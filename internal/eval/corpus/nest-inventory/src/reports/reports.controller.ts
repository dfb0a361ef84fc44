import { Controller, Get, Header, Logger, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as fs from 'fs';
import { join } from 'path';
import { createGzip } from 'zlib';
import { pipeline } from 'stream/promises';
import { Readable } from 'stream';
import type { Response } from 'express';
import { appConfig } from '../common/config';

interface ValuationRow {
  warehouse: string;
  sku: string;
  on_hand: number;
  unit_cost: string;
}

@Controller('reports')
export class ReportsController {
  private readonly logger = new Logger(ReportsController.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('valuation')
  async generateValuation(): Promise<{ file: string; rows: number }> {
    const rows: ValuationRow[] = await this.dataSource.query(
      `SELECT w.code AS warehouse, p.sku, s.on_hand, p.unit_cost
         FROM stock_levels s
         JOIN products p ON p.id = s.product_id
         JOIN warehouses w ON w.id = s.warehouse_id
        WHERE s.on_hand > 0
        ORDER BY w.code, p.sku`,
    );
    const file = join(appConfig.reportDir, `valuation-${new Date().toISOString().slice(0, 10)}.csv`);
    const body = ['warehouse,sku,on_hand,unit_cost', ...rows.map((r) => `${r.warehouse},${r.sku},${r.on_hand},${r.unit_cost}`)];
    fs.mkdirSync(appConfig.reportDir, { recursive: true }); // expect: sync-api-in-async
    await fs.promises.writeFile(file, body.join('\n'));
    this.logger.log(`valuation report written to ${file}`);
    return { file, rows: rows.length };
  }

  @Get(':name')
  @Header('content-type', 'text/csv')
  download(@Param('name') name: string): StreamableFile {
    const safe = name.replace(/[^a-zA-Z0-9._-]/g, '');
    const path = join(appConfig.reportDir, safe);
    if (!fs.existsSync(path)) { // expect: sync-api-in-async
      throw new Error('report not found');
    }
    return new StreamableFile(fs.createReadStream(path));
  }

  @Get(':name/gz')
  async downloadCompressed(@Param('name') name: string, @Res() res: Response): Promise<void> {
    const safe = name.replace(/[^a-zA-Z0-9._-]/g, '');
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-type', 'text/csv');
    const data = await fs.promises.readFile(join(appConfig.reportDir, safe));
    await pipeline(Readable.from(data), createGzip(), res);
  }
}
