'use strict';

const mongoose = require('mongoose');

const userSchema = new mongoose.Schema(
  {
    displayName: { type: String, required: true },
    avatarUrl: String,
    verifiedBuyer: { type: Boolean, default: false },
  },
  { timestamps: true },
);

const reviewSchema = new mongoose.Schema(
  {
    eventId: { type: String, index: true, required: true },
    user: { type: mongoose.Schema.Types.ObjectId, ref: 'User', required: true },
    stars: { type: Number, min: 1, max: 5, required: true },
    body: { type: String, maxlength: 4000 },
    hidden: { type: Boolean, default: false },
  },
  { timestamps: true },
);
reviewSchema.index({ eventId: 1, createdAt: -1 });

const User = mongoose.model('User', userSchema);
const Review = mongoose.model('Review', reviewSchema);

async function connectMongo() {
  await mongoose.connect(process.env.MONGO_URL, { maxPoolSize: 20, serverSelectionTimeoutMS: 5000 });
}

module.exports = { connectMongo, User, Review };
