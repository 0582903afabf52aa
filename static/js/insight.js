/* Insight charts: drawn by Chart.js (static/vendor/chartjs, when installed) from the data the page
   passes with Django's json_script (#insight-data). Each chart sits next to the table that holds
   the same figures; the canvas has role="img" and a summary as its aria-label. Without Chart.js or
   JavaScript the charts stay hidden and the tables stand alone. */
(function () {
  "use strict";

  // Colours with at least 3:1 contrast against white (WCAG 1.4.11, graphical objects).
  var COLOURS = ["#0b5ed7", "#146c43", "#6f42c1", "#b02a37", "#997404"];

  function draw() {
    var source = document.getElementById("insight-data");
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var charts = JSON.parse(source.textContent);
    var locale = document.documentElement.lang || "nl";
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    document.querySelectorAll("[data-insight-chart]").forEach(function (figure) {
      var data = charts[figure.getAttribute("data-insight-chart")];
      var canvas = figure.querySelector("canvas");
      if (!data || !canvas) {
        return;
      }
      figure.hidden = false;
      var several = data.datasets.length > 1;
      var valueAxis = {
        beginAtZero: true,
        title: { display: true, text: data.axis },
        ticks: data.unit === "days" ? {} : { precision: 0 },
      };
      var scales = data.horizontal ? { x: valueAxis } : { y: valueAxis };
      new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: data.labels,
          datasets: data.datasets.map(function (dataset, index) {
            return {
              label: dataset.label,
              data: dataset.data,
              backgroundColor: COLOURS[index % COLOURS.length],
            };
          }),
        },
        options: {
          locale: locale,
          indexAxis: data.horizontal ? "y" : "x",
          animation: still ? false : undefined,
          responsive: true,
          aspectRatio: data.horizontal ? 1.6 : 2,
          scales: scales,
          plugins: { legend: { display: several } },
        },
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
