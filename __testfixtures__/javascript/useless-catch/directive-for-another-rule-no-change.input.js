function parseAll(lines) {
  try {
    return lines.map((line) => JSON.parse(line));
  } catch (error) {
    // eslint-disable-next-line preserve-caught-error
    throw error;
  }
}

module.exports = { parseAll };
