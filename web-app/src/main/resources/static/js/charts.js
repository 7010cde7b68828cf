// Draws the home page's charts with Chart.js from the numbers in each canvas's data attributes (the table next to
// each chart holds the same numbers for keyboard and screen-reader users). Redrawn when htmx swaps new numbers in.
(function () {
  "use strict";

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function draw(canvas) {
    if (typeof Chart === "undefined") {
      return;
    }
    // a chart is made once per canvas (htmx brings new canvases); destroying one would restore its style attribute,
    // which the Content-Security-Policy refuses
    const existing = Chart.getChart(canvas);
    if (existing) {
      recolor(existing);
      return;
    }
    const labels = JSON.parse(canvas.dataset.labels || "[]");
    const values = JSON.parse(canvas.dataset.values || "[]").map(Number);
    const currency = canvas.dataset.currency;
    const money = new Intl.NumberFormat(document.documentElement.lang || undefined, {
      style: "currency",
      currency: currency,
    });
    const text = css("--muted");
    const grid = css("--chart-grid");
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: labels,
        datasets: [{ label: canvas.dataset.title, data: values, backgroundColor: css("--chart-1"), borderRadius: 4 }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: canvas.dataset.horizontal === "true" ? "y" : "x",
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => money.format(item.raw) } },
        },
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
        },
      },
    });
  }

  function recolor(chart) {
    const text = css("--muted");
    const grid = css("--chart-grid");
    chart.data.datasets[0].backgroundColor = css("--chart-1");
    for (const axis of ["x", "y"]) {
      chart.options.scales[axis].ticks.color = text;
      chart.options.scales[axis].grid.color = grid;
    }
    chart.update("none");
  }

  function drawAll(root) {
    root.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawAll(document);
  });
  document.addEventListener("htmx:load", function (event) {
    drawAll(event.detail.elt);
  });
  // the colors follow the system's dark mode when it changes while the page is open
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
    drawAll(document);
  });
})();
