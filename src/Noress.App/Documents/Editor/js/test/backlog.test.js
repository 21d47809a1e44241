import assert from "node:assert/strict";
import { test } from "node:test";
import { collab, sendableUpdates } from "../src/collab.js";
import { ChangeSet, EditorState, Text } from "@codemirror/state";
import { exceedsLimits } from "../src/limits.js";
import { CollabSync, nextBatchSize, wireBytes } from "../src/sync.js";

/**
 * An authority with the hub's limits (ADR 0010): more than `maxUpdatesPerPush` updates or a message over
 * `maxMessageBytes` is refused, and every other push is first held back by the rate limit.
 */
class LimitedAuthority {
  constructor(text, limits) {
    this.text = Text.of(text.split("\n"));
    this.limits = limits;
    this.updates = [];
    this.clients = [];
    this.pushes = [];
    this.held = 0;
    this.refused = 0;
  }

  invoke(method, documentId, version, payload) {
    return new Promise(resolve => setTimeout(() => resolve(this.handle(method, version, payload)), 1));
  }

  handle(method, version, payload) {
    if (method === "Pull") {
      return this.updates.slice(version);
    }
    if (payload.length > this.limits.maxUpdatesPerPush
      || new TextEncoder().encode(JSON.stringify(payload)).length > this.limits.maxMessageBytes) {
      this.refused++;
      return { accepted: false, version: this.updates.length, error: "Trop de modifications dans un seul envoi." };
    }
    if (this.pushes.length % 2 === 1 && this.held < this.pushes.length) {
      // The rate limit: not now, in a moment.
      this.held = this.pushes.length;
      return { accepted: false, version: this.updates.length, error: null, retryAfterMilliseconds: 5 };
    }
    if (version !== this.updates.length) {
      return { accepted: false, version: this.updates.length, error: null };
    }
    this.pushes.push(payload.length);
    for (const dto of payload) {
      this.text = ChangeSet.fromJSON(dto.changes).apply(this.text);
      this.updates.push(dto);
    }
    const after = this.updates.length;
    for (const client of this.clients) {
      setTimeout(() => client.enqueue(payload, after), 1);
    }
    return { accepted: true, version: after, error: null };
  }
}

function makeClient(authority, text, limits) {
  const errors = [];
  const host = {
    state: EditorState.create({ doc: text, extensions: [collab({ startVersion: 0 })] }),
    dispatch(tr) {
      this.state = tr.state;
    },
  };
  const sync = new CollabSync({ host, documentId: "d", invoke: (m, ...a) => authority.invoke(m, ...a), text, limits, onError: e => errors.push(e) });
  authority.clients.push(sync);
  return { host, sync, errors };
}

async function drained(client, authority) {
  for (let i = 0; i < 2000; i++) {
    await new Promise(resolve => setTimeout(resolve, 2));
    if (!client.sync.running && sendableUpdates(client.host.state).length === 0 && client.sync.version === authority.updates.length) {
      return;
    }
  }
  assert.fail(`backlog not drained: ${sendableUpdates(client.host.state).length} pending`);
}

test("nextBatchSize cuts a backlog by count and by bytes, and never returns more than fits", () => {
  let state = EditorState.create({ doc: "", extensions: [collab({ startVersion: 0 })] });
  for (let i = 0; i < 10; i++) {
    state = state.update({ changes: { from: state.doc.length, insert: "x".repeat(100) } }).state;
  }
  const pending = sendableUpdates(state);
  const one = wireBytes(pending[0]);
  assert.equal(nextBatchSize(pending, { maxUpdatesPerPush: 4, maxMessageBytes: 1_000_000 }), 4);
  const three = wireBytes(pending[0]) + wireBytes(pending[1]) + wireBytes(pending[2]);
  assert.equal(nextBatchSize(pending, { maxUpdatesPerPush: 100, maxMessageBytes: three }), 3);
  assert.equal(nextBatchSize(pending, { maxUpdatesPerPush: 100, maxMessageBytes: three - 1 }), 2);
  assert.equal(nextBatchSize(pending, { maxUpdatesPerPush: 100, maxMessageBytes: one - 1 }), 0);
  assert.equal(nextBatchSize(pending, null), 10);
});

test("a backlog of 500 updates drains to the authority in pieces, through rate-limit waits, without an error", async () => {
  const limits = { maxUpdatesPerPush: 100, maxMessageBytes: 64 * 1024, maxUpdateLength: 100_000, maxDocumentLength: 1_000_000 };
  const authority = new LimitedAuthority("Ordre du jour", limits);
  const client = makeClient(authority, "Ordre du jour", limits);
  // 500 edits made while disconnected, then the connection comes back.
  for (let i = 0; i < 500; i++) {
    const at = client.host.state.doc.length;
    client.host.dispatch(client.host.state.update({ changes: { from: at, insert: String.fromCharCode(97 + (i % 26)) } }));
    client.sync.localChanged();
  }
  assert.equal(sendableUpdates(client.host.state).length, 500);

  client.sync.setConnected(true, 0);
  await drained(client, authority);

  assert.equal(authority.text.toString(), client.host.state.doc.toString());
  assert.equal(authority.updates.length, 500);
  assert.equal(authority.refused, 0);
  assert.ok(authority.held > 0, "the rate limit held at least one push back");
  assert.ok(authority.pushes.every(count => count <= 100), authority.pushes.join(","));
  assert.deepEqual(client.errors, []);
});

test("a large paste goes in its own push when the backlog around it would not fit one message", async () => {
  const limits = { maxUpdatesPerPush: 100, maxMessageBytes: 150 * 1024, maxUpdateLength: 200_000, maxDocumentLength: 1_000_000 };
  const authority = new LimitedAuthority("", limits);
  const client = makeClient(authority, "", limits);
  const paste = "Article premier. ".repeat(6000);
  client.host.dispatch(client.host.state.update({ changes: { from: 0, insert: "a" } }));
  client.host.dispatch(client.host.state.update({ changes: { from: 1, insert: paste } }));
  client.host.dispatch(client.host.state.update({ changes: { from: 1 + paste.length, insert: paste } }));
  client.sync.localChanged();

  client.sync.setConnected(true, 0);
  await drained(client, authority);

  assert.equal(authority.text.toString(), "a" + paste + paste);
  assert.equal(authority.refused, 0);
  assert.deepEqual(client.errors, []);
});

test("exceedsLimits refuses an edit over the largest update or document, and lets ordinary typing through", () => {
  const limits = { maxUpdatesPerPush: 100, maxMessageBytes: 1_000_000, maxUpdateLength: 5000, maxDocumentLength: 8000 };
  const state = EditorState.create({ doc: "x".repeat(4000) });
  assert.equal(exceedsLimits(state.update({ changes: { from: 0, insert: "a" } }), limits), false);
  assert.equal(exceedsLimits(state.update({ changes: { from: 0, insert: "a".repeat(6000) } }), limits), true);
  assert.equal(exceedsLimits(state.update({ changes: { from: 0, insert: "a".repeat(4500) } }), limits), true);
  // Deleting from a document already over the limit is always allowed.
  const big = EditorState.create({ doc: "x".repeat(9000) });
  assert.equal(exceedsLimits(big.update({ changes: { from: 0, to: 10 } }), limits), false);
  assert.equal(exceedsLimits(state.update({ changes: { from: 0, insert: "a".repeat(4500) } }), null), false);
});

test("closing the page while the rate limit holds edits back pushes them at once and asks the browser to warn", async () => {
  const limits = { maxUpdatesPerPush: 100, maxMessageBytes: 64 * 1024, maxUpdateLength: 100_000, maxDocumentLength: 1_000_000 };
  const authority = new LimitedAuthority("Ordre du jour", limits);
  // The first push is held back for a minute: without the flush the edit would still be waiting when the tab closes.
  let held = false;
  const original = authority.handle.bind(authority);
  authority.handle = (method, version, payload) => {
    if (method === "Push" && !held) {
      held = true;
      return { accepted: false, version: authority.updates.length, error: null, retryAfterMilliseconds: 60_000 };
    }
    return original(method, version, payload);
  };
  authority.held = Number.MAX_SAFE_INTEGER;
  const client = makeClient(authority, "Ordre du jour", limits);
  client.sync.setConnected(true, 0);
  client.host.dispatch(client.host.state.update({ changes: { from: 13, insert: " : budget" } }));
  client.sync.localChanged();
  while (!held || client.sync.running) {
    await new Promise(resolve => setTimeout(resolve, 1));
  }
  assert.ok(client.sync.holdUntil > Date.now() + 30_000);
  const closing = { prevented: false, returnValue: undefined, preventDefault() { this.prevented = true; } };

  assert.equal(client.sync.beforeUnload(closing), true);

  assert.equal(closing.prevented, true);
  assert.equal(closing.returnValue, "");
  await drained(client, authority);
  assert.equal(authority.text.toString(), "Ordre du jour : budget");
  // Nothing pending any more: the page closes without a question.
  const later = { prevented: false, preventDefault() { this.prevented = true; } };
  assert.equal(client.sync.beforeUnload(later), false);
  assert.equal(later.prevented, false);
  client.sync.dispose();
});
