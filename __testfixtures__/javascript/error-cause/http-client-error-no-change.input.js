const axios = require('axios');

async function notify(webhookUrl, token, text) {
  try {
    await axios.post(`${webhookUrl}?token=${token}`, { text });
  } catch (error) {
    const detail = error.response ? error.response.data : 'no response';
    throw new Error(`Notification failed: ${detail}`);
  }
}

module.exports = { notify };
