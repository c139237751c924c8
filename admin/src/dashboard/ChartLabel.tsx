/** Splits a label into at most `lines` lines of about `width` characters, the last cut short with an ellipsis. */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest && out.length < lines) {
    if (rest.length <= width) {
      out.push(rest);
      rest = '';
      break;
    }
    const cut = rest.lastIndexOf(' ', width);
    const end = cut > width / 2 ? cut : width;
    out.push(rest.slice(0, end).trim());
    rest = rest.slice(end).trim();
  }
  if (rest && out.length) out[out.length - 1] = `${out[out.length - 1]!.replace(/[\s,.;:–-]+$/, '').slice(0, width - 1)}…`;
  return out;
}

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown }; width: number; lines?: number };

/**
 * A category axis label for horizontal bars: wrapped onto two lines, cut short if longer, with
 * the whole text as a tooltip (the SVG title) so nothing overlaps and nothing is lost.
 */
export function WrappedTick({ x = 0, y = 0, payload, width, lines = 2 }: TickProps) {
  const text = String(payload?.value ?? '');
  const wrapped = wrapLabel(text, width, lines);
  const lineHeight = 14;
  const top = Number(y) - ((wrapped.length - 1) * lineHeight) / 2;
  return (
    <g>
      <title>{text}</title>
      <text x={Number(x)} y={top} textAnchor="end" dominantBaseline="middle" fontSize={12} fill="#0b0c0c">
        {wrapped.map((line, index) => (
          <tspan key={index} x={Number(x)} dy={index === 0 ? 0 : lineHeight}>{line}</tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * What the charts' hover boxes are given: at most most of the chart's width, their text wrapping
 * (a report's long title ran the box off the right edge at 800 px, as recharts keeps it on one line).
 */
export const chartTooltip = {
  wrapperStyle: { maxWidth: '75%', zIndex: 3 },
  contentStyle: { whiteSpace: 'normal' as const },
};
