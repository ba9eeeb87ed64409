const https = require('node:https');

function download(url) {
  return new Promise((resolve, reject) => {
    try {
      https.get(url, (response) => resolve(response)).on('error', reject);
    } catch (error) {
      reject(new Error('Download could not start'));
    }
  });
}

function fetchStatus(url) {
  try {
    return https.request(url, { method: 'HEAD' });
  } catch (error) {
    throw new Error('Status check could not start');
  }
}

module.exports = { download, fetchStatus };
