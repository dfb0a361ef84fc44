import { Router } from "express";
import Product from "../catalog/product";
import Review from "../catalog/review";

export const router = Router();

// Product and Review are Mongoose models defined elsewhere; findById and
// find({…}) are ORM calls even though this file does not import mongoose.
router.get("/cart/:id", async (req, res) => {
  const items: { sku: string; productId: string }[] = req.body.items;
  const out = [];
  for (const item of items) {
    const product = await Product.findById(item.productId); // want "query-in-loop: Product.findById runs once per iteration of the loop on line 12 \\(N\\+1 queries\\)"
    const reviews = await Review.find({ product: item.productId }).limit(3); // want "Review.find runs once per iteration of the loop on line 12"
    out.push({ item, product, reviews });
  }
  res.json(out);
});
