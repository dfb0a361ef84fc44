import { DataTypes, InferAttributes, InferCreationAttributes, Model, CreationOptional, ForeignKey } from 'sequelize';
import { sequelize } from '../db/sequelize';
import { Category } from './Category';

export class Product extends Model<InferAttributes<Product>, InferCreationAttributes<Product>> {
  declare id: CreationOptional<number>;
  declare sku: string;
  declare name: string;
  declare slug: string;
  declare priceCents: number;
  declare categoryId: ForeignKey<Category['id']>;
  declare publishedAt: Date | null;
}

Product.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    sku: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    slug: { type: DataTypes.STRING(220), allowNull: false, unique: true },
    priceCents: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, field: 'price_cents' },
    publishedAt: { type: DataTypes.DATE, allowNull: true, field: 'published_at' },
  },
  { sequelize, tableName: 'products', underscored: true },
);

Category.hasMany(Product, { foreignKey: 'categoryId' });
Product.belongsTo(Category, { foreignKey: 'categoryId' });
