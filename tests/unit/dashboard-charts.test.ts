import { describe, expect, it } from "vitest";
import { cumulative, cumulativeLineChart, horizontalBarChart } from "@/lib/dashboard/chart-geometry";
import { parseDashboardFilter } from "@/lib/dashboard/dashboard-filter";
import { keyFigures, emptyCounts, evaluationCounts, sumCounts } from "@/lib/dashboard/figures";

describe("chart geometry", () => {
  it("adds up registrations per day in day order", () => {
    expect(
      cumulative([
        { day: "2030-02-03", registrations: 5 },
        { day: "2030-02-01", registrations: 3 },
      ]),
    ).toEqual([
      { day: "2030-02-01", total: 3 },
      { day: "2030-02-03", total: 8 },
    ]);
  });

  it("draws the cumulative line as steps inside the plot, with the capacity line and day ticks only", () => {
    const chart = cumulativeLineChart(cumulative([{ day: "2030-03-01", registrations: 2 }]), 5);
    expect(chart.path).toMatch(/^M[\d.]+,[\d.]+/);
    expect(chart.capacityY).toBeLessThan(chart.points[0]!.y);
    expect(chart.xTicks.map((tick) => tick.label)).toEqual(["01.03.", "02.03."]);
    for (const point of chart.points) {
      expect(point.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(point.y).toBeGreaterThanOrEqual(chart.plot.top);
    }
  });

  it("gives bars a width in proportion to their value, a row per category and a bar per series", () => {
    const chart = horizontalBarChart(
      [
        { label: "A", values: [10, 5] },
        { label: "B", values: [0, 2] },
      ],
      2,
    );
    expect(chart.rows).toHaveLength(2);
    const [a, b] = chart.rows;
    expect(a!.bars[1]!.width).toBeCloseTo(a!.bars[0]!.width / 2);
    expect(b!.bars[0]!.width).toBe(0);
    expect(b!.labelY).toBeGreaterThan(a!.bars[1]!.y + a!.bars[1]!.height);
  });

  it("puts ticks on whole counts only", () => {
    expect(horizontalBarChart([{ label: "a", values: [2] }], 1).xTicks.map((tick) => tick.label)).toEqual(["0", "1", "2"]);
  });
});

describe("figures", () => {
  it("leave rates open where there is nothing to divide by", () => {
    expect(keyFigures(emptyCounts)).toMatchObject({ fillRate: null, attendanceRate: null });
    expect(
      sumCounts([
        { ...emptyCounts, registrations: 2 },
        { ...emptyCounts, registrations: 3 },
      ]).registrations,
    ).toBe(5);
  });

  it("keep a session's ratings below the minimum out of the counts, its responses in", () => {
    const below = evaluationCounts({ invited: 4, responses: 2, ratings: [0, 0, 0, 0, 2], minimumAnswers: 3 });
    const shown = evaluationCounts({ invited: 5, responses: 3, ratings: [0, 0, 1, 1, 1], minimumAnswers: 3 });
    expect(below).toMatchObject({ evaluationResponses: 2, sessionsBelowMinimum: 1, rating5: 0 });
    expect(
      keyFigures(
        sumCounts([
          { ...emptyCounts, ...below },
          { ...emptyCounts, ...shown },
        ]),
      ),
    ).toMatchObject({
      evaluationInvited: 9,
      evaluationResponses: 5,
      responseRate: 5 / 9,
      ratings: 3,
      averageRating: 4,
      sessionsBelowMinimum: 1,
    });
    expect(keyFigures(emptyCounts)).toMatchObject({ responseRate: null, averageRating: null });
  });

  it("read the filter like the export and drop what is malformed", () => {
    expect(parseDashboardFilter(new URLSearchParams("workshopId=nope&from=2030-01-01&to=31.12.2030&status=CONFIRMED"))).toEqual({ from: "2030-01-01" });
  });
});
