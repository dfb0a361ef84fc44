import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { IsArray, IsString, IsUUID, MaxLength } from 'class-validator';
import { PatientsService } from './patients.service';
import { StaffGuard } from '../common/staff.guard';

class MergeDto {
  @IsUUID() keepId!: string;
  @IsArray() @IsUUID('4', { each: true }) dropIds!: string[];
}

class TagDto {
  @IsArray() @IsUUID('4', { each: true }) ids!: string[];
  @IsString() @MaxLength(40) tag!: string;
}

@Controller('patients')
@UseGuards(StaffGuard)
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  list(@Query('clinic', ParseUUIDPipe) clinicId: string, @Query('q') q?: string) {
    return this.patients.summaries(clinicId, q);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.patients.get(id);
  }

  @Post('merge')
  merge(@Body() dto: MergeDto) {
    return this.patients.mergeDuplicates(dto.keepId, dto.dropIds);
  }

  @Post('tags')
  async tag(@Body() dto: TagDto) {
    await this.patients.tagAll(dto.ids, dto.tag);
    return { tagged: dto.ids.length };
  }
}
