const { EventEmitter } = require("events");

const { Scheduler } = require("./scheduler");

class Server extends EventEmitter {
    stop() {
        try {
            Scheduler.stopAll();
        } catch (e) {}
    }
}

module.exports = { Server };

// Required last: these modules require this one.
const { Monitor } = require("./monitor");
