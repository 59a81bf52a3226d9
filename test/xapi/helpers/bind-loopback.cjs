// Preload (node -r) for the test LRS: every server.listen(port) binds 127.0.0.1
// only, so the in-memory LRS started by the tests is never reachable from the
// network; and its statements page in stored order (below). Written for
// integrity-ranger's tests.
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

// The memory store pages `more` by `_id > cursor` but sorts by stored time, and gives each
// statement a uuid v1 as `_id`: v1 strings do not sort by time (the time's low bits come
// first), so a page boundary could hand a statement out twice or skip one. A real LRS pages
// in stored order; so does this one once its `_id`s sort in the order they are made: a
// counter in the time fields of a well-formed version 1 UUID.
try {
  const path = require.resolve('uuid', { paths: [require.resolve('xapi-statements/dist/repo/modelsRepo/createStatements/memory.js')] });
  const uuid = require(path);
  let made = 0;
  const node = (Date.now() % 0x1000000000000).toString(16).padStart(12, '0');
  uuid.v1 = () => {
    const n = (++made).toString(16).padStart(12, '0');
    return `${n.slice(0, 8)}-${n.slice(8)}-1000-8000-${node}`;
  };
} catch {
  // Not the LRS process (or another xapi-statements layout): nothing to order.
}
