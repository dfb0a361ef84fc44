import { Request, Response } from "express";
import { In } from "typeorm";
import { AppDataSource } from "../data-source";
import { Photo } from "../entity/Photo";
import { User } from "../entity/User";

const photoRepository = AppDataSource.getRepository(Photo);

export async function albums(req: Request, res: Response) {
  const users = await AppDataSource.getRepository(User).find({ take: 20 });
  for (const user of users) {
    user.photos = await photoRepository.findBy({ userId: user.id }); // want "query-in-loop: photoRepository.findBy runs once per iteration of the loop on line 11 \\(N\\+1 queries\\); fetch all rows in one query \\(findBy\\(\\{ id: In\\(ids\\) \\}\\)\\)"
    user.lastLogin = await AppDataSource.manager.findOneBy(User, { id: user.id }); // want "AppDataSource.manager.findOneBy runs once per iteration"
  }
  res.json(users);
}

export async function albumsBatched(req: Request, res: Response) {
  const users = await AppDataSource.getRepository(User).find({ take: 20 });
  const photos = await photoRepository.findBy({ userId: In(users.map((u) => u.id)) });
  for (const user of users) {
    user.photos = photos.filter((p) => p.userId === user.id);
    // create() builds an entity in memory; it does not query.
    user.draft = photoRepository.create({ userId: user.id });
  }
  res.json(users);
}
