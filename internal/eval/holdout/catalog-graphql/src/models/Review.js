'use strict';

const mongoose = require('mongoose');

const reviewSchema = new mongoose.Schema(
  {
    productId: { type: Number, required: true, index: true },
    author: { type: mongoose.Schema.Types.ObjectId, ref: 'User', required: true },
    rating: { type: Number, min: 1, max: 5, required: true },
    body: { type: String, maxlength: 5000 },
    helpfulVotes: { type: Number, default: 0 },
    status: { type: String, enum: ['pending', 'published', 'rejected'], default: 'pending' },
  },
  { timestamps: true },
);

reviewSchema.index({ productId: 1, status: 1, createdAt: -1 });

reviewSchema.statics.latestForProduct = function latestForProduct(productId, limit = 20) {
  return this.find({ productId, status: 'published' })
    .sort({ createdAt: -1 })
    .limit(limit)
    .populate('author', 'displayName avatarUrl')
    .lean();
};

reviewSchema.statics.ratingSummary = async function ratingSummary(productIds) {
  const rows = await this.aggregate([
    { $match: { productId: { $in: productIds }, status: 'published' } },
    { $group: { _id: '$productId', average: { $avg: '$rating' }, count: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, { average: r.average, count: r.count }]));
};

module.exports = mongoose.models.Review || mongoose.model('Review', reviewSchema);
