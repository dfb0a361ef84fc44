import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
import { Team } from "./team.entity";
import { Member } from "./member.entity";
import { Badge } from "./badge.entity";

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectRepository(Badge) private readonly badges: Repository<Badge>,
  ) {}

  async overview(orgId: string) {
    const teams = await this.teams.findBy({ orgId });
    // Nested callbacks: one finding per call site, pointing at the inner loop.
    return Promise.all(
      teams.map(async (team) => {
        const members = await this.members.find({ where: { teamId: team.id } }); // want "this.members.find runs once per element of teams.map on line 20 \\(N\\+1 queries\\); fetch all rows in one query \\(findBy\\(\\{ id: In\\(ids\\) \\}\\)\\)"
        const withBadges = await Promise.all(
          members.map(async (m) => ({ ...m, badges: await this.badges.findBy({ memberId: m.id }) })), // want "this.badges.findBy runs once per element of members.map on line 23"
        );
        return { ...team, members: withBadges };
      }),
    );
  }

  async rename(ids: string[], prefix: string) {
    for (const id of ids) {
      const team = await this.teams.findOneByOrFail({ id }); // want "this.teams.findOneByOrFail runs once per iteration of the loop on line 31"
      team.name = `${prefix} ${team.name}`;
      await this.teams.save(team); // want "this.teams.save runs once per iteration of the loop on line 31 \\(one write per item\\); save all entities in one call"
    }
  }
}
