'use strict';
const fs = require('fs');
const path = require('path');

function writeReport(dir, report) {
  const pending = path.join(dir, '.report.pending');
  fs.writeFileSync(pending, JSON.stringify(report));
  fs.renameSync(pending, path.join(dir, 'report.json'));
}

function discardPendingReport(dir) {
  try {
    fs.unlinkSync(path.join(dir, '.report.pending'));
  } catch (err) {}
}

module.exports = { writeReport, discardPendingReport };
