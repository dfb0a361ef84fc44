import type { NextApiRequest, NextApiResponse } from "next";
import clientPromise from "../../lib/mongodb";

// The Next.js MongoDB example: lib/mongodb exports a MongoClient promise.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const client = await clientPromise;
  const db = client.db("sample_mflix");
  const movies = await db.collection("movies").find({}).sort({ metacritic: -1 }).limit(10).toArray();
  for (const movie of movies) {
    movie.comments = await db.collection("comments").find({ movie_id: movie._id }).toArray(); // want "query-in-loop: db.collection\\(\\).find\\(\\).toArray runs once per iteration of the loop on line 9 \\(N\\+1 queries\\); fetch all documents in one query"
  }
  const ids = movies.map((m) => m._id);
  const counts = await db.collection("ratings").aggregate([{ $match: { movie_id: { $in: ids } } }]).toArray();
  res.json({ movies, counts });
}
