// Preloaded into every Node process of a command (NODE_OPTIONS, test/server/offline-install.test.ts):
// writes each network connection or name look-up it attempts to the file RECORD_CONNECTIONS_TO names.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const file = process.env.RECORD_CONNECTIONS_TO;
const record = (what) => fs.appendFileSync(file, `${process.pid} ${what}\n`);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) ? args[0] : { port: args[0], host: args[1] };
  if (!options.path) record(`connect ${options.host ?? 'localhost'}:${options.port}`);
  return connect.apply(this, args);
};
for (const [target, name] of [[dns, 'lookup'], [dns.promises, 'lookup'], [dns, 'resolve'], [dns.promises, 'resolve']]) {
  const original = target[name];
  target[name] = function (host, ...rest) {
    record(`lookup ${host}`);
    return original.call(this, host, ...rest);
  };
}
