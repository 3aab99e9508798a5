import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { formatValue, type Row } from './types';

/** Horizontal bars: this period (dark) and the previous one (light). */
export const BarChart = ({ title, rows, currentLabel, previousLabel }: { title: string; rows: Row[]; currentLabel: string; previousLabel: string }) => {
  const width = 560;
  const labelWidth = 210;
  const rowHeight = 28;
  const barArea = width - labelWidth - 50;
  const max = Math.max(1, ...rows.flatMap((r) => [r.current, r.previous]));
  const scale = (v: number) => Math.max(0, (v / max) * barArea);
  const height = 22 + rows.length * rowHeight;
  return (
    <Box paddingBottom={4}>
      <Typography variant="delta" tag="h3">
        {title}
      </Typography>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, fontSize: 12 }}>
        <rect x={labelWidth} y={4} width={12} height={10} fill="#4945ff" />
        <text x={labelWidth + 16} y={13} fill="currentColor">
          {currentLabel}
        </text>
        <rect x={labelWidth + 150} y={4} width={12} height={10} fill="#b8b6ff" />
        <text x={labelWidth + 166} y={13} fill="currentColor">
          {previousLabel}
        </text>
        {rows.map((r, i) => {
          const y = 22 + i * rowHeight;
          return (
            <g key={r.key}>
              <text x={labelWidth - 6} y={y + 12} textAnchor="end" fill="currentColor">
                {r.label}
              </text>
              <rect x={labelWidth} y={y + 2} width={scale(r.current)} height={12} fill="#4945ff" />
              <text x={labelWidth + scale(r.current) + 4} y={y + 12} fill="currentColor">
                {formatValue(r.current, r.unit)}
              </text>
              <rect x={labelWidth} y={y + 16} width={scale(r.previous)} height={7} fill="#b8b6ff" />
            </g>
          );
        })}
      </svg>
    </Box>
  );
};
