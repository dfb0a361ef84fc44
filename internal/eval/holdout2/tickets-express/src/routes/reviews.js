'use strict';

const express = require('express');
const { Review, User } = require('../db/mongo');

const router = express.Router();

router.get('/event/:eventId', async (req, res, next) => {
  try {
    const reviews = await Review.find({ eventId: req.params.eventId, hidden: false })
      .sort({ createdAt: -1 })
      .limit(30)
      .populate('user', 'displayName avatarUrl verifiedBuyer')
      .lean();
    res.json(reviews);
  } catch (err) {
    next(err);
  }
});

// Moderation queue: flagged reviews with the author's history.
router.get('/flagged', async (req, res, next) => {
  try {
    const flagged = await Review.find({ hidden: true }).sort({ updatedAt: -1 }).limit(100).lean();
    const items = await Promise.all(
      flagged.map(async (r) => {
        const author = await User.findById(r.user).select('displayName verifiedBuyer').lean(); // expect: query-in-loop
        const priorHidden = await Review.countDocuments({ user: r.user, hidden: true }); // expect: query-in-loop
        return { review: r, author, priorHidden };
      }),
    );
    res.json(items);
  } catch (err) {
    next(err);
  }
});

router.post('/bulk-hide', async (req, res, next) => {
  try {
    const ids = Array.isArray(req.body.ids) ? req.body.ids.slice(0, 500) : [];
    const result = await Review.updateMany({ _id: { $in: ids } }, { $set: { hidden: true } });
    res.json({ modified: result.modifiedCount });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
