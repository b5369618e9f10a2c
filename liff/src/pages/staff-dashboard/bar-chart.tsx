import { useEffect, useRef, useState } from "preact/hooks";
import { useLanguage } from "../../i18n/language-context";

export interface Bar {
  label: string;
  value: number;
}

const ROW_PX = 48;
const VALUE_ROOM_PX = 44;

/**
 * Horizontal bars, one row per item, drawn as SVG by Chartist (about 8 KB gzip, fetched only
 * by this page). Horizontal, because Thai labels are long and a phone is narrow: each label gets
 * its own row and may wrap to two lines. The number is written at the end of each bar, so no
 * axis needs reading. The chart is one image with a text alternative naming every number, and
 * the same numbers are a table below it (open when the chart cannot be drawn).
 */
export function BarChart({
  id,
  title,
  labelHeading,
  bars,
}: {
  id: string;
  title: string;
  labelHeading: string;
  bars: readonly Bar[];
}) {
  const { t } = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const data = JSON.stringify(bars);

  useEffect(() => {
    let live = true;
    let detach = () => {};
    import("chartist").then(
      ({ BarChart: Chart }) => {
        const element = box.current;
        if (!live || !element) return;
        // Labels take up to 45% of the width: enough for two lines of Thai on a 320 px phone.
        const labelWidth = Math.min(200, Math.round(element.clientWidth * 0.45));
        const chart = new Chart(
          element,
          { labels: bars.map(bar => bar.label), series: [bars.map(bar => bar.value)] },
          {
            horizontalBars: true,
            // Chartist draws the first item at the bottom; people read from the top.
            reverseData: true,
            height: `${bars.length * ROW_PX + 8}px`,
            chartPadding: { top: 4, right: VALUE_ROOM_PX, bottom: 4, left: 0 },
            axisX: { showLabel: false, showGrid: false, offset: 0, onlyInteger: true },
            axisY: { showGrid: false, offset: labelWidth + 10 },
          },
        );
        chart.on("draw", event => {
          if (event.type !== "bar") return;
          const value =
            typeof event.value === "number" ? event.value : "x" in event.value ? event.value.x : 0;
          event.group
            .elem("text", { x: event.x2 + 6, y: event.y2 + 6 }, "ct-bar-value")
            .text(String(value));
        });
        detach = () => chart.detach();
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      detach();
    };
  }, [data]);

  const summary = bars.map(bar => `${bar.label} ${bar.value}`).join(", ");
  return (
    <figure class="card chart">
      <figcaption id={`${id}-title`}>
        <h2>{title}</h2>
      </figcaption>
      {failed ? (
        <p class="hint">{t("staff.dashboard.chartFailed")}</p>
      ) : (
        <div
          class="chart-box"
          id={id}
          ref={box}
          role="img"
          aria-label={t("staff.dashboard.chartAlt", { title, summary })}
        />
      )}
      <details open={failed}>
        <summary>{t("staff.dashboard.showTable")}</summary>
        <table class="chart-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col">{t("staff.dashboard.count")}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map(bar => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
