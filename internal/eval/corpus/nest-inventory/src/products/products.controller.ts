import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import { gunzipSync } from 'zlib';
import { ProductsService, ProductView } from './products.service';
import { CreateProductDto, validateImportRows } from './dto/create-product.dto';

@Controller('products')
export class ProductsController {
  constructor(private readonly productsService: ProductsService) {}

  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<ProductView> {
    return this.productsService.findOne(id);
  }

  @Get()
  findMany(@Query('ids') ids = ''): Promise<ProductView[]> {
    const list = ids.split(',').filter(Boolean);
    if (list.length > 200) {
      throw new BadRequestException('at most 200 ids');
    }
    return this.productsService.findMany(list);
  }

  @Post()
  create(@Body() dto: CreateProductDto) {
    return this.productsService.create(dto);
  }

  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 2 * 1024 * 1024 } }))
  async import(@UploadedFile() file: Express.Multer.File) {
    const raw = file.originalname.endsWith('.gz') ? gunzipSync(file.buffer) : file.buffer; // expect: sync-api-in-async
    const rows = parse(raw, { columns: true, skip_empty_lines: true }) as Record<string, unknown>[];
    const results = await validateImportRows(rows);
    const invalid = results.filter((r) => r.errors.length > 0);
    if (invalid.length > 0) {
      throw new BadRequestException({ message: 'invalid rows', lines: invalid.map((r) => r.line) });
    }
    const imported = await this.productsService.importMany(results.map((r) => r.dto!));
    return { imported };
  }
}
