import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScheduleModule } from '@nestjs/schedule';
import { appConfig } from './common/config';
import { RedisModule } from './redis/redis.module';
import { Product } from './products/product.entity';
import { StockLevel } from './stock/stock-level.entity';
import { StockMovement } from './stock/stock-movement.entity';
import { Warehouse } from './warehouses/warehouse.entity';
import { User } from './users/user.entity';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { StockService } from './stock/stock.service';
import { StockMovementsService } from './stock/stock-movements.service';
import { WarehousesService } from './warehouses/warehouses.service';
import { UsersService } from './users/users.service';
import { AuthController } from './auth/auth.controller';
import { ReportsController } from './reports/reports.controller';
import { SuppliersService } from './suppliers/suppliers.service';
import { ReorderJob } from './jobs/reorder.job';

@Module({
  imports: [
    ScheduleModule.forRoot(),
    RedisModule,
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: appConfig.databaseUrl,
      entities: [Product, StockLevel, StockMovement, Warehouse, User],
      synchronize: false,
      extra: { max: appConfig.poolSize },
    }),
    TypeOrmModule.forFeature([Product, StockLevel, StockMovement, Warehouse, User]),
  ],
  controllers: [ProductsController, AuthController, ReportsController],
  providers: [
    ProductsService,
    StockService,
    StockMovementsService,
    WarehousesService,
    UsersService,
    SuppliersService,
    ReorderJob,
  ],
})
export class AppModule {}
