// Preload (node -r) for the test LRS: every server.listen(port) binds 127.0.0.1
// only, so the in-memory LRS started by the tests is never reachable from the
// network. Written for integrity-ranger's tests; no other behaviour changes.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const port = args[0];
  if (typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (port && typeof port === 'object' && !port.path && !port.host) {
    args[0] = { ...port, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
