'use strict';
// Produces and consumes with ali-ons, a RocketMQ client this project did not write.
//
//   node alions_check.js produce --namesrv H:P --topic T --count N --acks FILE [--concurrency C]
//     Sends N messages (tags rotate over TagA/TagB/TagC, two keys each, every 10th one with user
//     properties, every 50th one with a body over 4 KiB that ali-ons sends zlib-compressed) and
//     writes one JSON line per acknowledged send (SEND_OK): index, msgId, queueId, queueOffset and
//     what was sent. Exits 0 when every send was acknowledged (with --allow-failures 1: when at
//     least one was; the broker is killed while this runs).
//   node alions_check.js consume --namesrv H:P --topic T --acks FILE --group G
//                                [--expression '*'|'TagA || TagB'] [--timeout-ms MS]
//                                [--allow-unexpected 1]
//     Consumes the topic from its first offset in a new consumer group and checks that every
//     acknowledged message whose tag matches the expression arrives once, at the queue and offset
//     its SendResult named, with the same msgId, byte-identical body, tags, keys and user
//     properties, and that nothing else arrives. With --allow-unexpected 1, messages that were not
//     acknowledged may arrive too (a broker killed after storing but before answering), but each
//     must be byte-identical to one the producer tried to send. Prints a summary; exits 0 when all
//     of that holds.
//   node alions_check.js refused --namesrv H:P --topic T --group G [--expect TEXT]
//                                [--timeout-ms MS]
//     Against an ACL-enabled broker: a send must fail, and a consumer of group G on T (from the
//     first offset) must receive nothing within --timeout-ms (default 8000) although the topic
//     holds messages; with --expect, each must have seen an error naming TEXT (the broker's remark).
//   Common: [--access-key AK --secret-key SK] makes the client sign every request (ali-ons adds
//     AccessKey, OnsChannel and Signature = HmacSHA1 over the sorted header values and the body).
//
// ali-ons is loaded from $ALI_ONS_MODULES (the node_modules folder run_interop.sh installed).

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const modules = process.env.ALI_ONS_MODULES;
if (!modules) {
  console.error('ALI_ONS_MODULES is not set');
  process.exit(2);
}
const { Producer, Consumer, Message } = require(path.join(modules, 'ali-ons'));

const TAGS = [ 'TagA', 'TagB', 'TagC' ];
// ali-ons compresses bodies of at least 4 KiB (compressMsgBodyOverHowmuch).
const LARGE_BODY_BYTES = 6000;
// Time allowed for more (unexpected) messages after the last expected one arrived.
const SETTLE_MS = 3000;

function parseArgs(argv) {
  const args = { _: argv[0] };
  for (let i = 1; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`bad option ${argv[i]}`);
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  return args;
}

function quietLogger() {
  return {
    debug() {},
    info() {},
    warn(...a) {
      // Logged on every route refresh of a producer; not a problem.
      if (String(a[0]).includes('updateTopicPublishInfo() prev is not null')) return;
      console.error('[ali-ons warn]', ...a);
    },
    error(...a) { console.error('[ali-ons error]', ...a); },
  };
}

// ali-ons asserts an HTTP client exists even when it is given NameServer addresses and never
// calls it then (it is only used to fetch the address list from an "onsAddr" URL).
const noHttp = {
  async request(url) {
    throw new Error(`unexpected HTTP request to ${url}`);
  },
};

function clientOptions(args, extra) {
  const credentials = {};
  if (args['access-key']) {
    credentials.accessKey = args['access-key'];
    credentials.secretKey = args['secret-key'];
  }
  return Object.assign(credentials, {
    nameSrv: [ args.namesrv ],
    httpclient: noHttp,
    logger: quietLogger(),
    heartbeatBrokerInterval: 5000,
    rebalanceInterval: 2000,
    pollNameServerInteval: 5000,
  }, extra);
}

// Deterministic content of message `index`, so a reader of the acks file can see what was sent.
function makeMessage(topic, index, runId) {
  const tag = TAGS[index % TAGS.length];
  const seed = crypto.createHash('sha256').update(`${runId}:${index}`).digest();
  let size = 16 + (seed.readUInt16BE(0) % 2000);
  if (index % 50 === 7) size = LARGE_BODY_BYTES;
  const body = Buffer.alloc(size);
  for (let off = 0; off < size; off += seed.length) {
    const block = crypto.createHash('sha256').update(seed).update(String(off)).digest();
    block.copy(body, off, 0, Math.min(block.length, size - off));
  }
  // A readable prefix helps when reading a dump; the rest is arbitrary bytes, zeros included.
  Buffer.from(`msg-${index}|`).copy(body, 0);
  const msg = new Message(topic, tag, body);
  const keys = [ `id-${runId}-${index}`, `k${index % 7}` ];
  msg.keys = keys;
  const userProps = {};
  if (index % 10 === 3) {
    userProps.interopIndex = String(index);
    userProps.interopNote = `note with spaces ${index}`;
    Object.assign(msg.properties, userProps);
  }
  return { msg, tag, keys: keys.join(' '), userProps, body };
}

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([ promise, timeout ]);
  } finally {
    clearTimeout(timer);
  }
}

async function produce(args) {
  const count = Number(args.count);
  const concurrency = Number(args.concurrency || 8);
  const runId = crypto.randomBytes(4).toString('hex');
  const producer = new Producer(clientOptions(args, { producerGroup: `interop_pg_${runId}` }));
  const errors = [];
  producer.on('error', err => errors.push(err.message));
  await withTimeout(producer.ready(), 30000, 'producer start');

  const out = fs.openSync(args.acks, 'w');
  let next = 0;
  let acked = 0;
  const failures = [];
  const started = Date.now();
  async function worker() {
    while (next < count) {
      const index = next++;
      const m = makeMessage(args.topic, index, runId);
      // ali-ons may replace msg.body with its compressed form: keep the original bytes.
      const sentBody = Buffer.from(m.body);
      try {
        const result = await producer.send(m.msg);
        if (result.sendStatus !== 'SEND_OK') {
          failures.push(`#${index}: ${result.sendStatus}`);
          continue;
        }
        acked++;
        fs.writeSync(out, JSON.stringify({
          runId,
          index,
          msgId: result.msgId,
          queueId: Number(result.messageQueue.queueId),
          queueOffset: result.queueOffset,
          tags: m.tag,
          keys: m.keys,
          userProps: m.userProps,
          body: sentBody.toString('base64'),
        }) + '\n');
      } catch (err) {
        failures.push(`#${index}: ${err.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  fs.fsyncSync(out);
  fs.closeSync(out);
  const seconds = (Date.now() - started) / 1000;
  console.log(`produce: ${acked}/${count} acked in ${seconds.toFixed(1)} s ` +
              `(${concurrency} in flight), ${failures.length} failed`);
  for (const f of failures.slice(0, 20)) console.log(`  send failed ${f}`);
  for (const e of errors.slice(0, 20)) console.log(`  client error: ${e}`);
  await withTimeout(producer.close(), 5000, 'producer close').catch(e => console.log(e.message));
  if (args['allow-failures'] === '1') return acked > 0 ? 0 : 1;
  return acked === count ? 0 : 1;
}

function matchesExpression(expression, tag) {
  if (!expression || expression === '*') return true;
  return expression.split('||').map(s => s.trim()).includes(tag);
}

function sameProps(msg, expected) {
  for (const [ k, v ] of Object.entries(expected)) {
    if (msg.properties[k] !== v) return `property ${k}=${msg.properties[k]} (sent ${v})`;
  }
  return null;
}

// Why a received message differs from its ack record, or null when identical.
function difference(msg, ack) {
  const body = msg.body || Buffer.alloc(0);
  const sent = Buffer.from(ack.body, 'base64');
  if (ack.msgId === undefined) return sameContent(msg, ack, body, sent);
  if (!body.equals(sent)) return `body differs (${body.length} bytes received, ${sent.length} sent)`;
  if (msg.tags !== ack.tags) return `tags '${msg.tags}' (sent '${ack.tags}')`;
  if (msg.keys !== ack.keys) return `keys '${msg.keys}' (sent '${ack.keys}')`;
  if (msg.msgId !== ack.msgId) return `msgId ${msg.msgId} (SendResult said ${ack.msgId})`;
  return sameProps(msg, ack.userProps);
}

function sameContent(msg, sent, body, sentBody) {
  if (!body.equals(sentBody)) return 'body differs from what was sent';
  if (msg.tags !== sent.tags || msg.keys !== sent.keys) return 'tags or keys differ';
  return sameProps(msg, sent.userProps);
}

// For a message no SendResult acknowledged: null if it is exactly a message the producer of
// `runId` tried to send (found through its id key), else why not.
function unacknowledgedDifference(msg, runId) {
  const match = /^id-([0-9a-f]+)-(\d+) /.exec(msg.keys || '');
  if (!match || match[1] !== runId) return `keys '${msg.keys}' name no message of this run`;
  const m = makeMessage(msg.topic, Number(match[2]), runId);
  return sameContent(msg, { tags: m.tag, keys: m.keys, userProps: m.userProps }, msg.body ||
                     Buffer.alloc(0), m.body);
}

async function consume(args) {
  const expression = args.expression || '*';
  const timeoutMs = Number(args['timeout-ms'] || 60000);
  const acks = fs.readFileSync(args.acks, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
  const expected = new Map();
  for (const ack of acks) {
    if (matchesExpression(expression, ack.tags)) expected.set(`${ack.queueId}:${ack.queueOffset}`, ack);
  }
  const seen = new Set();
  const mismatches = [];
  const unexpected = [];
  let duplicates = 0;
  let received = 0;
  let unacknowledged = 0;
  const allowUnexpected = args['allow-unexpected'] === '1';
  const runId = acks.length ? acks[0].runId : '';
  const errors = [];
  let resolveDone;
  const done = new Promise(resolve => { resolveDone = resolve; });

  const consumer = new Consumer(clientOptions(args, {
    consumerGroup: args.group,
    consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET',
    pullBatchSize: 32,
    parallelConsumeLimit: 32,
  }));
  consumer.on('error', err => errors.push(err.message));
  const started = Date.now();
  consumer.subscribe(args.topic, expression, async msg => {
    if (msg.topic !== args.topic) return;
    received++;
    const where = `${msg.queueId}:${msg.queueOffset}`;
    const ack = expected.get(where);
    if (!ack) {
      const why = allowUnexpected ? unacknowledgedDifference(msg, runId) : 'not acknowledged';
      if (why) {
        unexpected.push(`${where} tags=${msg.tags} keys=${msg.keys}: ${why}`);
      } else {
        unacknowledged++;
      }
      return;
    }
    if (seen.has(where)) {
      duplicates++;
      return;
    }
    seen.add(where);
    const diff = difference(msg, ack);
    if (diff) mismatches.push(`#${ack.index} at ${where}: ${diff}`);
    if (seen.size === expected.size) resolveDone();
  });
  if (expected.size === 0) resolveDone();

  let timedOut = false;
  await withTimeout(done, timeoutMs, 'consume').catch(() => { timedOut = true; });
  const seconds = (Date.now() - started) / 1000;
  if (!timedOut) await new Promise(r => setTimeout(r, SETTLE_MS));

  const missing = [];
  for (const [ where, ack ] of expected) {
    if (!seen.has(where)) missing.push(`#${ack.index} at ${where}`);
  }
  console.log(`consume[${args.group}, '${expression}']: ${expected.size} expected of ${acks.length} ` +
              `acked, ${received} received in ${seconds.toFixed(1)} s, ${seen.size} matched, ` +
              `${missing.length} missing, ${duplicates} duplicates, ${unexpected.length} unexpected, ` +
              `${mismatches.length} mismatched, ${unacknowledged} stored without an ack`);
  for (const m of missing.slice(0, 20)) console.log(`  missing ${m}`);
  for (const m of mismatches.slice(0, 20)) console.log(`  mismatch ${m}`);
  for (const u of unexpected.slice(0, 20)) console.log(`  unexpected ${u}`);
  for (const e of [ ...new Set(errors) ].slice(0, 20)) console.log(`  client error: ${e}`);
  await withTimeout(consumer.close(), 5000, 'consumer close').catch(e => console.log(e.message));
  const ok = missing.length === 0 && mismatches.length === 0 && duplicates === 0 &&
             unexpected.length === 0;
  return ok ? 0 : 1;
}

// Refusals are the expected outcome here: ali-ons logs each one (its final send error does not
// carry the broker's remark); keep them out of the output but record them in `sink`.
function capturingLogger(sink) {
  const record = (...a) => sink.push(a.map(x => (x && x.message) ? `${x.name}: ${x.message}` : String(x)).join(' '));
  return { debug() {}, info() {}, warn: record, error: record };
}

// A producer and a consumer that the broker must refuse (see the file comment).
async function refused(args) {
  const expect = args.expect;
  const timeoutMs = Number(args['timeout-ms'] || 8000);
  const problems = [];

  const producerLog = [];
  const producer = new Producer(clientOptions(args, {
    producerGroup: 'interop_pg_refused',
    logger: capturingLogger(producerLog),
  }));
  producer.on('error', err => producerLog.push(err.message));
  await withTimeout(producer.ready(), 30000, 'producer start');
  let sendError = null;
  try {
    const result = await producer.send(new Message(args.topic, 'TagA', Buffer.from('refused')));
    problems.push(`send was answered ${result.sendStatus} at ${result.messageQueue &&
                  result.messageQueue.queueId}:${result.queueOffset}`);
  } catch (err) {
    sendError = err.message;
  }
  // ali-ons retries a SYSTEM_ERROR send and then throws its own text; the broker's remark shows
  // in what it logs, and in the error of close() (UNREGISTER_CLIENT is refused too).
  await withTimeout(producer.close(), 5000, 'producer close').catch(e => producerLog.push(e.message));
  if (sendError !== null) {
    const named = [ sendError, ...producerLog ].filter(m => expect && String(m).includes(expect));
    console.log(`refused: send failed (${sendError.split('\n')[0]})` +
                (expect ? `; the broker's refusal: ${named.length ? named[0].split('\n')[0] : 'not seen'}` : ''));
    if (expect && !named.length) problems.push(`no producer error names '${expect}'`);
  }

  const consumerLog = [];
  const consumer = new Consumer(clientOptions(args, {
    consumerGroup: args.group,
    consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET',
    logger: capturingLogger(consumerLog),
  }));
  consumer.on('error', err => consumerLog.push(err.message));
  let received = 0;
  consumer.subscribe(args.topic, '*', async () => { received++; });
  await new Promise(r => setTimeout(r, timeoutMs));
  await withTimeout(consumer.close(), 5000, 'consumer close').catch(e => consumerLog.push(e.message));
  const named = consumerLog.filter(e => expect && e.includes(expect)).length;
  console.log(`refused: consumer received ${received} in ${timeoutMs} ms, ${consumerLog.length} ` +
              `client errors` + (expect ? ` (${named} naming '${expect}')` : ''));
  if (received !== 0) problems.push(`the refused consumer received ${received} messages`);
  if (expect && named === 0) problems.push(`no consumer error names '${expect}'`);
  for (const p of problems) console.log(`  ${p}`);
  return problems.length === 0 ? 0 : 1;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args._ === 'refused') {
    for (const required of [ 'namesrv', 'topic', 'group' ]) {
      if (!args[required]) throw new Error(`--${required} is required`);
    }
    return refused(args);
  }
  for (const required of [ 'namesrv', 'topic', 'acks' ]) {
    if (!args[required]) throw new Error(`--${required} is required`);
  }
  if (args._ === 'produce') return produce(args);
  if (args._ === 'consume') {
    if (!args.group) throw new Error('--group is required');
    return consume(args);
  }
  throw new Error(`unknown command ${args._}`);
}

main().then(code => process.exit(code), err => {
  console.error(`alions_check: ${err.stack || err.message}`);
  process.exit(1);
});
