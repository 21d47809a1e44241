import assert from "node:assert/strict";
import { test } from "node:test";
import { collab } from "../src/collab.js";
import { ChangeSet, EditorSelection, EditorState, Text } from "@codemirror/state";
import { CollabSync } from "../src/sync.js";
import { assertSameAsServer, settled } from "../support/sync-checks.js";

/**
 * Broadcasts that cross (ADR 0065): with two nodes, each sends the updates it commits through the backplane, so an
 * editor may get versions 2-3 before version 1. The test stores others' updates and delivers their broadcasts by
 * hand, in any order; time is mocked (only setTimeout), so the gap's wait passes when the test says.
 */
class Authority {
  constructor(text) {
    this.text = Text.of(text.split("\n"));
    this.updates = [];
    this.calls = [];
  }

  /** Someone else's insertion at `from`, stored; its broadcast is the test's to deliver. */
  storeTheirs(from, insert) {
    const dto = { clientId: "theirs", changes: ChangeSet.of({ from, insert }, this.text.length).toJSON() };
    this.text = ChangeSet.fromJSON(dto.changes).apply(this.text);
    this.updates.push(dto);
    return dto;
  }

  invoke(method, documentId, version, payload) {
    this.calls.push({ method, version });
    if (method === "Pull") {
      return Promise.resolve(this.updates.slice(version));
    }
    // Pushes here are on the head (the editor never pushes across an open gap) and stored as sent.
    assert.equal(version, this.updates.length, "a push on an old version");
    for (const dto of payload) {
      this.text = ChangeSet.fromJSON(dto.changes).apply(this.text);
      this.updates.push(dto);
    }
    return Promise.resolve({ accepted: true, version: this.updates.length, error: null, updates: null });
  }

  pulls() {
    return this.calls.filter(c => c.method === "Pull").length;
  }

  pushes() {
    return this.calls.filter(c => c.method === "Push").map(c => c.version);
  }
}

const gapWait = 100;

function makeEditor(t, authority, text) {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const host = {
    state: EditorState.create({ doc: text, selection: EditorSelection.cursor(0), extensions: [collab({ startVersion: 0, clientID: "mine" })] }),
    dispatch(tr) {
      this.state = tr.state;
    },
  };
  const sync = new CollabSync({ host, documentId: "d", invoke: (m, ...a) => authority.invoke(m, ...a), text, gapWait });
  sync.setConnected(true, 0);
  return { host, sync };
}

async function wait(t, milliseconds) {
  t.mock.timers.tick(milliseconds);
  await settled();
}

test("broadcasts that cross are applied in version order once the missing one comes, with no pull", async t => {
  const authority = new Authority("ab");
  const editor = makeEditor(t, authority, "ab");
  const first = authority.storeTheirs(1, "1");
  const second = authority.storeTheirs(2, "2");
  const third = authority.storeTheirs(3, "3");

  // Node B's message (versions 2-3) before node A's (version 1): kept, nothing applied, nothing pulled.
  editor.sync.enqueue([second, third], 3);
  await settled();
  assert.equal(editor.sync.version, 0);
  assert.equal(authority.pulls(), 0);

  await wait(t, gapWait / 2);
  editor.sync.enqueue([first], 1);
  await settled();
  assertSameAsServer(editor, authority);
  assert.equal(editor.host.state.doc.toString(), "a123b");

  // The wait is over: no pull follows.
  await wait(t, gapWait * 3);
  assert.equal(authority.pulls(), 0);
  editor.sync.dispose();
});

test("a gap still open after the wait pulls once; the late broadcast changes nothing", async t => {
  const authority = new Authority("ab");
  const editor = makeEditor(t, authority, "ab");
  const first = authority.storeTheirs(1, "1");
  const second = authority.storeTheirs(2, "2");
  editor.sync.enqueue([second], 2);
  await settled();

  await wait(t, gapWait - 1);
  assert.equal(authority.pulls(), 0);
  assert.equal(editor.sync.version, 0);
  await wait(t, 1);
  assert.deepEqual(authority.calls, [{ method: "Pull", version: 0 }]);
  assertSameAsServer(editor, authority);

  await wait(t, gapWait * 3);
  editor.sync.enqueue([first], 1);
  await settled();
  assert.equal(authority.pulls(), 1);
  assertSameAsServer(editor, authority);
  editor.sync.dispose();
});

test("a reconnection pulls at once, without waiting out an open gap", async t => {
  const authority = new Authority("ab");
  const editor = makeEditor(t, authority, "ab");
  authority.storeTheirs(1, "1");
  const second = authority.storeTheirs(2, "2");
  editor.sync.enqueue([second], 2);
  await settled();
  assert.equal(authority.pulls(), 0);

  // The missing broadcast was sent while we were away: it never comes.
  editor.sync.setConnected(false);
  await settled();
  editor.sync.setConnected(true, 2);
  await settled();
  assert.equal(authority.pulls(), 1);
  assertSameAsServer(editor, authority);

  await wait(t, gapWait * 3);
  assert.equal(authority.pulls(), 1);
  editor.sync.dispose();
});

test("a broadcast during the wait cancels the pull; typing meanwhile is pushed once the gap closes, on the head", async t => {
  const authority = new Authority("ab");
  const editor = makeEditor(t, authority, "ab");
  const first = authority.storeTheirs(1, "1");
  const second = authority.storeTheirs(2, "2");
  editor.sync.enqueue([second], 2);
  editor.host.dispatch(editor.host.state.update({ changes: { from: 0, insert: "X" } }));
  editor.sync.localChanged();
  await settled();
  assert.deepEqual(authority.calls, []);

  await wait(t, gapWait - 10);
  editor.sync.enqueue([first], 1);
  await settled();
  assert.equal(authority.pulls(), 0);
  assert.deepEqual(authority.pushes(), [2]);
  assert.equal(authority.text.toString(), "Xa12b");
  assertSameAsServer(editor, authority);

  await wait(t, gapWait * 3);
  assert.equal(authority.pulls(), 0);
  editor.sync.dispose();
});

test("a gap partly filled waits anew from where the editor got to, with one timer", async t => {
  const authority = new Authority("ab");
  const editor = makeEditor(t, authority, "ab");
  const first = authority.storeTheirs(1, "1");
  const second = authority.storeTheirs(2, "2");
  authority.storeTheirs(3, "3");
  const fourth = authority.storeTheirs(4, "4");
  editor.sync.enqueue([fourth], 4);
  editor.sync.enqueue([second], 2);
  await settled();

  await wait(t, gapWait / 2);
  editor.sync.enqueue([first], 1);
  await settled();
  assert.equal(editor.sync.version, 2);
  await wait(t, gapWait - 1);
  assert.equal(authority.pulls(), 0);
  await wait(t, 1);
  assert.deepEqual(authority.calls, [{ method: "Pull", version: 2 }]);
  assertSameAsServer(editor, authority);
  editor.sync.dispose();
});

test("dispose stops the gap's timer", async t => {
  const authority = new Authority("ab");
  const editor = makeEditor(t, authority, "ab");
  authority.storeTheirs(1, "1");
  const second = authority.storeTheirs(2, "2");
  editor.sync.enqueue([second], 2);
  await settled();
  editor.sync.dispose();
  await wait(t, gapWait * 3);
  assert.equal(authority.pulls(), 0);
});
