import { Injectable, UnauthorizedException } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { randomBytes } from 'node:crypto';
import { PrismaService } from '../prisma/prisma.service';

const ROUNDS = 12;

@Injectable()
export class AuthService {
  constructor(private readonly prisma: PrismaService) {}

  async registerPortalUser(patientId: string, email: string, password: string) {
    const hash = await bcrypt.hash(password, ROUNDS);
    return this.prisma.portalUser.create({ data: { patientId, email: email.toLowerCase(), passwordHash: hash } });
  }

  async login(email: string, password: string): Promise<{ token: string }> {
    const user = await this.prisma.portalUser.findUnique({ where: { email: email.toLowerCase() } });
    if (!user || user.lockedAt) throw new UnauthorizedException();

    if (!bcrypt.compareSync(password, user.passwordHash)) { // expect: sync-api-in-async
      await this.prisma.portalUser.update({
        where: { id: user.id },
        data: { failedLogins: { increment: 1 } },
      });
      throw new UnauthorizedException();
    }

    const token = randomBytes(32).toString('base64url');
    await this.prisma.portalSession.create({
      data: { userId: user.id, token, expiresAt: new Date(Date.now() + 12 * 3600 * 1000) },
    });
    return { token };
  }

  async resetPassword(userId: string, newPassword: string) {
    const passwordHash = bcrypt.hashSync(newPassword, ROUNDS); // expect: sync-api-in-async
    await this.prisma.$transaction([
      this.prisma.portalUser.update({ where: { id: userId }, data: { passwordHash, failedLogins: 0 } }),
      this.prisma.portalSession.deleteMany({ where: { userId } }),
    ]);
  }
}
