import { useMemo } from "react";
import type { EChartsCoreOption } from "echarts/core";
import { EChart } from "../../../ui/echart";
import { formatNumber } from "../../../ui/format";
import type { MonthlySeries } from "../api/indicators.api";
import { DASHBOARD_TEXT as T } from "../texts";

const NOW_COLOR = "#1f4e8c";
const BEFORE_COLOR = "#9aa5b4";

function optionOf(year: number, current: number[], previous: number[]): EChartsCoreOption {
  const months = current.map((_, i) => T.monthShort(i + 1));
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(v) : String(v)) },
    xAxis: { type: "category", data: months, axisTick: { show: false } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      { name: T.chartThisYear(year), type: "bar", data: current, itemStyle: { color: NOW_COLOR }, barMaxWidth: 18 },
      { name: T.chartLastYear(year - 1), type: "line", data: previous, itemStyle: { color: BEFORE_COLOR }, lineStyle: { width: 2 }, symbolSize: 5 },
    ],
  };
}

/** A data table behind each chart, for screen readers. */
function SeriesTable({ caption, year, current, previous }: { caption: string; year: number; current: number[]; previous: number[] }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">Tháng</th><th scope="col">{year}</th><th scope="col">{year - 1}</th></tr></thead>
      <tbody>
        {current.map((v, i) => (
          <tr key={i}><th scope="row">{i + 1}</th><td>{formatNumber(v)}</td><td>{formatNumber(previous[i] ?? 0)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** Documents and conferences month by month, this year (bars) against last year (line). */
export function MonthlyCharts({ data }: { data: MonthlySeries | undefined }) {
  const docs = useMemo(() => (data ? optionOf(data.year, data.documents.current, data.documents.previous) : null), [data]);
  const meetings = useMemo(() => (data ? optionOf(data.year, data.meetings.current, data.meetings.previous) : null), [data]);
  return (
    <div className="charts">
      <div>
        <div className="chart-title">{T.chartDocuments}</div>
        {docs && data ? (
          <>
            <EChart option={docs} label={T.chartLabel(T.chartDocuments, data.year)} />
            <SeriesTable caption={T.chartDocuments} year={data.year} current={data.documents.current} previous={data.documents.previous} />
          </>
        ) : <div className="chart skeleton" />}
      </div>
      <div>
        <div className="chart-title">{T.chartMeetings}</div>
        {meetings && data ? (
          <>
            <EChart option={meetings} label={T.chartLabel(T.chartMeetings, data.year)} />
            <SeriesTable caption={T.chartMeetings} year={data.year} current={data.meetings.current} previous={data.meetings.previous} />
          </>
        ) : <div className="chart skeleton" />}
      </div>
    </div>
  );
}
