const fs = require("fs");

class Server {
    loadPage() {
        try {
            this.page = fs.readFileSync("./public/index.html").toString();
        } catch (e) {
            // the page is built separately and may be missing
            if (process.env.NODE_ENV === "production") {
                process.exitCode = 1;
            }
        }
    }
}

module.exports = { Server };
