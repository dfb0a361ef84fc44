const express = require("express");
const User = require("../models/User");
const Post = require("../models/post.model");

const router = express.Router();

router.get("/feed", async (req, res, next) => {
  try {
    const posts = await Post.find({ published: true }).sort({ createdAt: -1 }).limit(20).lean();
    for (const post of posts) {
      post.author = await User.findById(post.authorId).select("name avatar").lean(); // want "query-in-loop: User.findById runs once per iteration of the loop on line 10 \\(N\\+1 queries\\); fetch all documents in one query \\(find\\(\\{ _id: \\{ \\$in: ids \\} \\}\\)\\)"
    }
    res.json(posts);
  } catch (err) {
    next(err);
  }
});

router.post("/import", async (req, res) => {
  for (const row of req.body.rows) {
    const doc = new Post(row);
    await doc.save(); // want "doc.save runs once per iteration of the loop on line 20 \\(one write per item\\); insert all documents in one call with insertMany"
  }
  res.sendStatus(204);
});

module.exports = router;
