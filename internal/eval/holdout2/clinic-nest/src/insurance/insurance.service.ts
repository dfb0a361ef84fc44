import { Injectable } from '@nestjs/common';
import NodeCache from 'node-cache';
import { PrismaService } from '../prisma/prisma.service';

export type Eligibility = { payerId: string; memberId: string; covered: boolean; copayCents: number };

@Injectable()
export class InsuranceService {
  // Payer rule sets are large JSON blobs; parse once per process.
  private readonly payerRules = new NodeCache({ useClones: false }); // expect: cache-without-ttl

  constructor(private readonly prisma: PrismaService) {}

  private async rulesFor(payerId: string): Promise<Record<string, number>> {
    const hit = this.payerRules.get<Record<string, number>>(payerId);
    if (hit) return hit;
    const payer = await this.prisma.payer.findUniqueOrThrow({ where: { id: payerId }, select: { rules: true } });
    const rules = JSON.parse(payer.rules) as Record<string, number>;
    this.payerRules.set(payerId, rules);
    return rules;
  }

  async check(patientIds: string[], procedureCode: string): Promise<Eligibility[]> {
    const policies = await this.prisma.policy.findMany({
      where: { patientId: { in: patientIds }, active: true },
      select: { payerId: true, memberId: true },
    });

    const out: Eligibility[] = [];
    for (const p of policies) {
      const rules = await this.rulesFor(p.payerId); // expect: query-in-loop
      const copay = rules[procedureCode];
      out.push({ payerId: p.payerId, memberId: p.memberId, covered: copay !== undefined, copayCents: copay ?? 0 });
    }
    return out;
  }
}
