import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import * as bcrypt from 'bcrypt';
import { User, Role } from './user.entity';

const ROUNDS = 12;

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async register(email: string, password: string, role: Role = 'viewer'): Promise<User> {
    const existing = await this.users.findOneBy({ email: email.toLowerCase() });
    if (existing) {
      throw new ConflictException('email already registered');
    }
    const passwordHash = await bcrypt.hash(password, ROUNDS);
    return this.users.save(this.users.create({ email: email.toLowerCase(), passwordHash, role }));
  }

  async authenticate(email: string, password: string): Promise<User> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
    if (!user || !bcrypt.compareSync(password, user.passwordHash)) { // expect: sync-api-in-async
      throw new UnauthorizedException();
    }
    await this.users.update(user.id, { lastLoginAt: new Date() });
    return user;
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOneOrFail();
    if (!(await bcrypt.compare(current, user.passwordHash))) {
      throw new UnauthorizedException('current password does not match');
    }
    await this.users.update(userId, { passwordHash: bcrypt.hashSync(next, ROUNDS) }); // expect: sync-api-in-async
  }
}
