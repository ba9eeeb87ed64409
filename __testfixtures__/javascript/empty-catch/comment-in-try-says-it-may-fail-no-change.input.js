const os = require('os');

function userLabel() {
  let label = '';
  try {
    // os.userInfo can fail on systems without a passwd entry; the label is only cosmetic
    label = ` (${os.userInfo().username})`;
  } catch (e) {}
  return label;
}

module.exports = { userLabel };
