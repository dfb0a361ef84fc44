import { IsInt, IsOptional, IsString, IsUUID, Length, Min, validateSync, ValidationError } from 'class-validator';
import { plainToInstance } from 'class-transformer';

export class CreateProductDto {
  @IsString()
  @Length(3, 64)
  sku!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @IsInt()
  @Min(0)
  reorderPoint = 0;

  @IsInt()
  @Min(0)
  reorderQuantity = 0;
}

export interface RowValidation {
  line: number;
  dto?: CreateProductDto;
  errors: ValidationError[];
}

// Validates rows of a CSV upload; validateSync is plain CPU work on small objects.
export async function validateImportRows(rows: Record<string, unknown>[]): Promise<RowValidation[]> {
  return rows.map((raw, i) => {
    const dto = plainToInstance(CreateProductDto, raw);
    const errors = validateSync(dto, { whitelist: true });
    return errors.length > 0 ? { line: i + 2, errors } : { line: i + 2, dto, errors };
  });
}
