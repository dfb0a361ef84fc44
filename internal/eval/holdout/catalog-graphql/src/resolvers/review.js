'use strict';

const { GraphQLError } = require('graphql');
const Review = require('../models/Review');
const User = require('../models/User');

const BADGE_THRESHOLDS = [10, 50, 250];

async function awardBadges(userId) {
  const count = await Review.countDocuments({ author: userId, status: 'published' });
  const earned = BADGE_THRESHOLDS.filter((t) => count >= t).map((t) => `reviewer-${t}`);
  await User.updateOne({ _id: userId }, { $addToSet: { badges: { $each: earned } } });
}

module.exports = {
  Query: {
    reviews: (_, { productId, limit }) => Review.latestForProduct(productId, Math.min(limit ?? 20, 50)),
  },

  Mutation: {
    async submitReview(_, { input }, ctx) {
      if (!ctx.viewer) {
        throw new GraphQLError('sign in to review', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      const review = await Review.create({ ...input, author: ctx.viewer.id, status: 'pending' });
      return review.populate('author', 'displayName avatarUrl');
    },

    async moderateReviews(_, { ids, decision }, ctx) {
      if (!ctx.viewer?.roles.includes('moderator')) {
        throw new GraphQLError('forbidden', { extensions: { code: 'FORBIDDEN' } });
      }
      const status = decision === 'APPROVE' ? 'published' : 'rejected';
      const reviews = await Review.find({ _id: { $in: ids }, status: 'pending' }).select('author').lean();
      await Review.updateMany({ _id: { $in: reviews.map((r) => r._id) } }, { $set: { status } });

      if (status === 'published') {
        const authors = [...new Set(reviews.map((r) => String(r.author)))];
        authors.forEach(async (authorId) => {
          await awardBadges(authorId); // expect: query-in-loop
        });
      }
      return reviews.length;
    },

    async voteHelpful(_, { reviewId }, ctx) {
      if (!ctx.viewer) {
        throw new GraphQLError('sign in to vote', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      return Review.findOneAndUpdate({ _id: reviewId }, { $inc: { helpfulVotes: 1 } }, { new: true })
        .populate('author', 'displayName avatarUrl')
        .lean();
    },
  },
};
