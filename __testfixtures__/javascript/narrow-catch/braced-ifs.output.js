const fs = require("fs");
const { isErrnoError } = require("../src/errors/index.js");

class Server {
    loadPage() {
        try {
            this.page = fs.readFileSync("./public/index.html").toString();
        } catch (e) {
            // the page is built separately and may be missing
            if (!isErrnoError(e, "ENOENT", "ENOTDIR")) {
                throw e;
            }
            if (process.env.NODE_ENV === "production") {
                process.exitCode = 1;
            }
        }
    }
}

module.exports = { Server };
