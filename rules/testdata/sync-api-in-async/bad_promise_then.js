const fs = require("fs");
const { fetchReport } = require("./reports");

function exportReport(id) {
  return fetchReport(id).then((report) => {
    fs.writeFileSync(`/tmp/report-${id}.json`, JSON.stringify(report)); // want "sync-api-in-async: `fs.writeFileSync`.*promise callback"
    return report;
  });
}

module.exports = { exportReport };
