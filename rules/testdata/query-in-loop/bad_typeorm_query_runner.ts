import { DataSource } from "typeorm";
import { Shipment } from "../entities/shipment.entity";

// A query runner's manager saves one entity per iteration.
export async function markShipped(ds: DataSource, shipments: Shipment[]) {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    for (const s of shipments) {
      s.shippedAt = new Date();
      await runner.manager.save(s); // want "query-in-loop: runner.manager.save runs once per iteration of the loop on line 10 \\(one write per item\\)"
    }
    await runner.commitTransaction();
  } catch (err) {
    await runner.rollbackTransaction();
    throw err;
  } finally {
    await runner.release();
  }
}

export async function markShippedBatched(ds: DataSource, shipments: Shipment[]) {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    for (const s of shipments) s.shippedAt = new Date();
    await runner.manager.save(shipments);
  } finally {
    await runner.release();
  }
}
