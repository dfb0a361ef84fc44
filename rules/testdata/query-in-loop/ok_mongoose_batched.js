const express = require("express");
const User = require("../models/User");
const Post = require("../models/post.model");

const router = express.Router();

router.get("/feed", async (req, res) => {
  const posts = await Post.find({ published: true }).sort({ createdAt: -1 }).limit(20).lean();
  const authors = await User.find({ _id: { $in: posts.map((p) => p.authorId) } }).lean();
  const byId = new Map(authors.map((a) => [String(a._id), a]));
  // Array.prototype.find with a callback is not Model.find.
  const featured = posts.find((p) => p.featured);
  res.json({ featured, posts: posts.map((p) => ({ ...p, author: byId.get(String(p.authorId)) })) });
});

router.post("/import", async (req, res) => {
  await Post.insertMany(req.body.rows);
  await Post.bulkWrite(req.body.updates.map((u) => ({ updateOne: { filter: { _id: u.id }, update: { $set: u.set } } })));
  res.sendStatus(204);
});

module.exports = router;
