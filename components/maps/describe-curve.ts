// The accessible label of an emotion curve in the maps list: count, average and lowest point as numbers.
/** The label for a curve: count, average and lowest point as numbers. */
export function describeCurve(curve: (number | null)[], t: (key: string, values?: Record<string, string | number>) => string, formatNumber: (n: number) => string): string {
  const rated = curve.filter((e): e is number => e !== null);
  if (rated.length === 0) return t("emotion.none");
  const average = rated.reduce((a, b) => a + b, 0) / rated.length;
  return t("emotion.summary", { count: curve.length, average: formatNumber(average), lowest: Math.min(...rated) });
}
