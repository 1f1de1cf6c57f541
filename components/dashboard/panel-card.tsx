"use client";
// A dashboard card: the insight as its title, the chart, an accessible table alternative (toggle) and
// a CSV download of exactly the rows and columns the table shows.
import { useId, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Deferred } from "@/components/charts/defer";
import { Card } from "@/components/ui/card";
import { downloadCsv, toCsv, type CsvValue } from "./csv";

export type Column<T> = {
  header: string;
  /** The value written to the CSV (numbers stay numbers). */
  csv: (row: T) => CsvValue;
  /** What the table cell shows; defaults to the CSV value. */
  cell?: (row: T) => React.ReactNode;
  numeric?: boolean;
};

export type PanelCardProps<T> = {
  id: string;
  /** The panel's neutral name ("Emotion by stage"). */
  name: string;
  /** The insight sentence computed from the data. */
  title: string;
  hint?: string;
  rows: T[];
  columns: Column<T>[];
  chart: React.ReactNode;
  /** Set when there is nothing to show (the insight then says why). */
  isEmpty?: boolean;
  footnote?: React.ReactNode;
  className?: string;
  /** The table below the chart, always visible (lists that read best as a table). */
  tableOnly?: boolean;
  /** Narrow placements (workspace home): actions go below the title. */
  compact?: boolean;
};

export function PanelCard<T>({ id, name, title, hint, rows, columns, chart, isEmpty, footnote, className = "", tableOnly, compact }: PanelCardProps<T>) {
  const t = useTranslations("dashboard");
  const ta = useTranslations("a11y");
  const locale = useLocale();
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const tableVisible = tableOnly || showTable;
  const onDownload = () => {
    const csv = toCsv(columns.map((c) => c.header), rows.map((row) => columns.map((c) => c.csv(row))), locale);
    downloadCsv(`${id}.csv`, csv);
  };
  return (
    <Card className={`flex min-w-0 flex-col p-4 ${className}`}>
      <section aria-labelledby={headingId} data-testid={`panel-${id}`} className="flex min-w-0 flex-1 flex-col">
        <div className={`mb-3 flex items-start justify-between gap-2 ${compact ? "flex-col" : "flex-wrap"}`}>
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{name}</p>
            <h2 id={headingId} className="mt-0.5 text-base font-semibold leading-snug text-slate-900" data-testid={`insight-${id}`}>
              {title}
            </h2>
            {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
          </div>
          {!isEmpty ? (
            <div className="flex shrink-0 items-center gap-1">
              {!tableOnly ? (
                <button
                  type="button"
                  aria-pressed={showTable}
                  onClick={() => setShowTable((s) => !s)}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
                >
                  {showTable ? t("actions.showChart") : t("actions.showTable")}
                </button>
              ) : null}
              <button
                type="button"
                onClick={onDownload}
                className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
                data-testid={`csv-${id}`}
              >
                {t("actions.downloadCsv")}
              </button>
            </div>
          ) : null}
        </div>
        {isEmpty ? (
          <p className="flex flex-1 items-center justify-center rounded-lg border border-dashed border-slate-200 px-4 py-10 text-center text-sm text-slate-500">
            {t("empty.panel")}
          </p>
        ) : (
          <>
            {!showTable || tableOnly ? (
              // The table view is the chart's text alternative: the figure points screen readers to it.
              <figure aria-labelledby={headingId} aria-describedby={tableOnly ? undefined : `${headingId}-alt`} className="min-w-0">
                {chart}
                {tableOnly ? null : <figcaption id={`${headingId}-alt`} className="sr-only">{ta("chartTableLink")}</figcaption>}
              </figure>
            ) : null}
            {tableVisible ? (
              tableOnly ? (
                // Below the fold, a table that is the card's content waits for its turn (charts/defer.tsx).
                <Deferred height={dataTableHeight(rows.length)}>
                  <DataTable caption={name} rows={rows} columns={columns} />
                </Deferred>
              ) : (
                <DataTable caption={name} rows={rows} columns={columns} />
              )
            ) : null}
          </>
        )}
        {footnote && !isEmpty ? <div className="mt-2 text-xs text-slate-500">{footnote}</div> : null}
      </section>
    </Card>
  );
}

/** Rows a table shows before "Show all": enough to read, few enough to draw in one short task. */
export const TABLE_ROWS_SHOWN = 20;
const ROW_PX = 33;
const TABLE_MAX_PX = 320; // max-h-80

/** Whether a table of `count` rows starts shortened (a button for a handful more rows is not worth it). */
const isShortened = (count: number) => count > TABLE_ROWS_SHOWN + 5;

/** The height a DataTable of `count` rows takes at first (for the box that stands in for it). */
export function dataTableHeight(count: number): number {
  const shown = isShortened(count) ? TABLE_ROWS_SHOWN : count;
  return Math.min(TABLE_MAX_PX, ROW_PX * (shown + 1) + 2) + (isShortened(count) ? 36 : 0);
}

export function DataTable<T>({ caption, rows, columns }: { caption: string; rows: T[]; columns: Column<T>[] }) {
  const t = useTranslations("dashboard");
  const [isShowingAll, setShowingAll] = useState(false);
  const regionRef = useRef<HTMLDivElement>(null);
  const isShort = isShortened(rows.length) && !isShowingAll;
  const shown = isShort ? rows.slice(0, TABLE_ROWS_SHOWN) : rows;
  return (
    <>
      {/* Focusable so keyboard users can scroll a long table (WCAG 2.1.1). */}
      <div ref={regionRef} className="max-h-80 overflow-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={`whitespace-nowrap px-2 py-1.5 font-medium ${c.numeric ? "text-right" : ""}`}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr key={i} className="border-t border-slate-100">
                {columns.map((c) => (
                  <td key={c.header} className={`px-2 py-1.5 align-top ${c.numeric ? "text-right tabular-nums" : ""}`}>
                    {c.cell ? c.cell(row) : String(c.csv(row) ?? "")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isShort ? (
        // Long tables draw their first rows; the rest on request (the CSV always has every row).
        <button
          type="button"
          onClick={() => {
            setShowingAll(true);
            // The button goes away: keep keyboard focus in the table it extended.
            regionRef.current?.focus();
          }}
          className="mt-2 self-start rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
          data-testid="table-show-all"
        >
          {t("actions.showAllRows", { shown: TABLE_ROWS_SHOWN, total: rows.length })}
        </button>
      ) : null}
    </>
  );
}
