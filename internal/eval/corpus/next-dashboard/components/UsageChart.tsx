'use client';

import { useMemo, useState } from 'react';
import type { UsagePoint } from '@/lib/usage';

type Props = {
  points: UsagePoint[];
  height?: number;
};

export function UsageChart({ points, height = 160 }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  const max = useMemo(() => Math.max(1, ...points.map((p) => p.requests)), [points]);
  const barWidth = points.length > 0 ? 100 / points.length : 100;

  return (
    <div className="relative" style={{ height }}>
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" className="h-full w-full">
        {points.map((p, i) => {
          const h = (p.requests / max) * (height - 16);
          return (
            <rect
              key={p.month}
              x={i * barWidth + barWidth * 0.1}
              y={height - h}
              width={barWidth * 0.8}
              height={h}
              className={hover === i ? 'fill-blue-600' : 'fill-blue-400'}
              onMouseEnter={() => setHover(i)}
              onMouseLeave={() => setHover(null)}
            />
          );
        })}
      </svg>
      {hover !== null && points[hover] && (
        <div className="absolute right-0 top-0 rounded bg-white px-2 py-1 text-xs shadow">
          {points[hover].month}: {points[hover].requests.toLocaleString()} requests
        </div>
      )}
    </div>
  );
}
