// Draws the cockpit's charts with ECharts (installed from npm and served by the console itself) from the numbers the
// page carries in data-chart; each chart's data table and aria-label say the same for those who do not see it.
(() => {
    const red = "#a61b29";
    for (const element of document.querySelectorAll("[data-chart]")) {
        const chart = JSON.parse(element.dataset.chart);
        const view = echarts.init(element, null, { renderer: "svg" });
        view.setOption(chart.kind === "gauge"
            ? {
                series: [{
                    type: "gauge", min: 0, max: 100, progress: { show: true, itemStyle: { color: red } },
                    axisLine: { lineStyle: { width: 12 } }, splitLine: { show: false }, axisTick: { show: false },
                    detail: { formatter: chart.series.length ? "{value}%" : "暂无", fontSize: 22, offsetCenter: [0, "40%"] },
                    data: [{ value: chart.series.length ? chart.series[0].values[0] : 0 }],
                }],
            }
            : {
                grid: { left: 48, right: 16, top: chart.series.length > 1 ? 40 : 24, bottom: 56 },
                tooltip: { trigger: "axis" },
                legend: chart.series.length > 1 ? { top: 0 } : undefined,
                color: [red, "#1a5fb4", "#8a5a00"],
                xAxis: { type: "category", data: chart.labels, axisLabel: { interval: 0, rotate: chart.labels.length > 4 ? 30 : 0 } },
                yAxis: { type: "value", minInterval: 1 },
                series: chart.series.map(s => ({
                    name: s.name, type: chart.kind, data: s.values,
                    label: { show: chart.kind === "bar", position: "top" },
                })),
            });
        addEventListener("resize", () => view.resize());
    }
})();
