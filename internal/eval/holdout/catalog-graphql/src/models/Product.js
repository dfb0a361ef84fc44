'use strict';

const { Model } = require('objection');

class Product extends Model {
  static get tableName() {
    return 'products';
  }

  static get jsonSchema() {
    return {
      type: 'object',
      required: ['sku', 'title', 'priceCents'],
      properties: {
        id: { type: 'integer' },
        sku: { type: 'string', minLength: 3, maxLength: 64 },
        title: { type: 'string', maxLength: 200 },
        priceCents: { type: 'integer', minimum: 0 },
        categoryId: { type: ['integer', 'null'] },
        archivedAt: { type: ['string', 'null'], format: 'date-time' },
      },
    };
  }

  static get modifiers() {
    return {
      active(builder) {
        builder.whereNull('archivedAt');
      },
      inCategory(builder, categoryId) {
        builder.where('categoryId', categoryId);
      },
    };
  }

  static get relationMappings() {
    const Category = require('./Category');
    const Variant = require('./Variant');
    return {
      category: {
        relation: Model.BelongsToOneRelation,
        modelClass: Category,
        join: { from: 'products.categoryId', to: 'categories.id' },
      },
      variants: {
        relation: Model.HasManyRelation,
        modelClass: Variant,
        join: { from: 'products.id', to: 'variants.productId' },
      },
    };
  }

  $beforeUpdate() {
    this.updatedAt = new Date().toISOString();
  }
}

module.exports = Product;
