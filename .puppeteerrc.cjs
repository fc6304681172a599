// Lectern drives a system Chromium; puppeteer (pulled in by mermaid-cli) must never download its own.
module.exports = { skipDownload: true };
