import { Schema, model, InferSchemaType } from 'mongoose';

const productViewSchema = new Schema(
  {
    productId: { type: Number, required: true, unique: true },
    sku: { type: String, required: true },
    name: { type: String, required: true },
    categoryPath: [String],
    priceCents: Number,
    rating: { average: Number, count: Number },
    inStock: Boolean,
    refreshedAt: Date,
  },
  { collection: 'product_views', versionKey: false },
);

export type ProductViewDoc = InferSchemaType<typeof productViewSchema>;
export const ProductView = model('ProductView', productViewSchema);
