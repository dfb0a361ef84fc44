import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!);

export async function claimJob(queue: string) {
  const db = await sql.reserve();
  try {
    await db`set statement_timeout = '5s'`;
    const [job] = await db`select id from jobs where queue = ${queue} limit 1 for update skip locked`;
    return job ?? null;
  } finally {
    db.release();
  }
}

// sql.begin manages its own connection and transaction.
export async function moveJob(id: number, queue: string) {
  return sql.begin(async (tx) => {
    await tx`update jobs set queue = ${queue} where id = ${id}`;
    await tx`insert into job_moves (job_id, queue) values (${id}, ${queue})`;
  });
}

// Handed to the caller.
export async function dedicated() {
  const conn = await sql.reserve();
  return conn;
}

interface Seat {
  release(): void;
  number: number;
}
declare const hall: { reserve(): Promise<Seat> };

// reserve() on something that is not a database: a seat, not a connection.
export async function book(name: string) {
  const seat = await hall.reserve();
  if (!name) {
    return null;
  }
  await notify(name, seat.number);
  seat.release();
  return seat.number;
}

declare function notify(name: string, n: number): Promise<void>;
