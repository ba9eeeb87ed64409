const { EventEmitter } = require("events");

const { Scheduler } = require("./scheduler");
const { reportError } = require("../src/errors");

class Server extends EventEmitter {
    stop() {
        try {
            Scheduler.stopAll();
        } catch (e) {
            reportError(e, { operation: "Server.stop" });
        }
    }
}

module.exports = { Server };

// Required last: these modules require this one.
const { Monitor } = require("./monitor");
