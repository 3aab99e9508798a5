/**
 * The address of a figure's cases: the admin page "Sager bag tallet" and the route it reads,
 * both with the figure's period and figure source (see ./db/figures). Used by the admin's report
 * page (so it imports types only), the printable report and the CSV.
 */
import type { Period } from './period';
import type { FigureRef } from './model';

/** The admin page that lists a figure's cases. */
export const FIGURE_CASES_PAGE = '/admin/rapporter/sager';

/** The query of a figure's cases in a period; `label` names the figure on the page. */
export function figureQuery(period: Pick<Period, 'from' | 'to'>, figure: FigureRef, label?: string): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, figure: JSON.stringify(figure) });
  if (label) params.set('label', label);
  return params.toString();
}

export const figurePath = (period: Pick<Period, 'from' | 'to'>, figure: FigureRef, label?: string) =>
  `${FIGURE_CASES_PAGE}?${figureQuery(period, figure, label)}`;
