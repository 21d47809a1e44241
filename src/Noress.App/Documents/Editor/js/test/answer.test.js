import assert from "node:assert/strict";
import { test } from "node:test";
import { collab } from "../src/collab.js";
import { ChangeSet, EditorSelection, EditorState, Text } from "@codemirror/state";
import { CollabSync } from "../src/sync.js";
import { assertSameAsServer, settled } from "../support/sync-checks.js";

/**
 * An authority whose broadcasts the test delivers by hand (ADR 0060): someone else's update is stored first, then
 * the editor's push on the version before it is rebased over it, the tie decided by `pushedFirst`, and answered with
 * the pushed update's stored form only. Answers come at once; calls are recorded.
 */
class ScriptedAuthority {
  constructor(text, pushedFirst) {
    this.text = Text.of(text.split("\n"));
    this.updates = [];
    this.pushedFirst = pushedFirst;
    this.calls = [];
    this.loseNextAnswer = false;
  }

  store(dto) {
    this.text = ChangeSet.fromJSON(dto.changes).apply(this.text);
    this.updates.push(dto);
    return dto;
  }

  invoke(method, documentId, version, payload) {
    this.calls.push({ method, version, count: payload?.length });
    if (method === "Pull") {
      return Promise.resolve(this.updates.slice(version));
    }
    let others = null;
    for (const dto of this.updates.slice(version)) {
      const stored = ChangeSet.fromJSON(dto.changes);
      others = others ? others.compose(stored) : stored;
    }
    const placed = payload.map(dto => {
      let changes = ChangeSet.fromJSON(dto.changes);
      if (others) {
        const mapped = changes.map(others, this.pushedFirst);
        others = others.map(changes, !this.pushedFirst);
        changes = mapped;
      }
      return this.store({ clientId: dto.clientId, changes: changes.toJSON() });
    });
    if (this.loseNextAnswer) {
      // Stored, but the connection drops before the answer comes back.
      this.loseNextAnswer = false;
      return Promise.reject(new Error("WebSocket closed with status code: 1006"));
    }
    const rebased = version !== this.updates.length - placed.length;
    return Promise.resolve({ accepted: true, version: this.updates.length, error: null, updates: rebased ? placed : null });
  }

  pushes() {
    return this.calls.filter(c => c.method === "Push");
  }

  pulls() {
    return this.calls.filter(c => c.method === "Pull").length;
  }
}

function makeEditor(authority, text, broadcastWait) {
  const host = {
    state: EditorState.create({ doc: text, selection: EditorSelection.cursor(1), extensions: [collab({ startVersion: 0, clientID: "mine" })] }),
    dispatch(tr) {
      this.state = tr.state;
    },
  };
  const sync = new CollabSync({ host, documentId: "d", invoke: (m, ...a) => authority.invoke(m, ...a), text, broadcastWait });
  return { host, sync };
}

function type(editor, from, text) {
  editor.host.dispatch(editor.host.state.update({ changes: { from, insert: text } }));
  editor.sync.localChanged();
}

const theirs = { clientId: "theirs", changes: ChangeSet.of({ from: 1, insert: "Y" }, 2).toJSON() };

for (const pushedFirst of [true, false]) {
  for (const ownBroadcastFirst of [false, true]) {
    test(`a rebased push waits for the broadcast before it, then takes both in the server's order (tie ${pushedFirst ? "ours" : "theirs"} first, broadcasts ${ownBroadcastFirst ? "reversed" : "in order"})`, async () => {
      const authority = new ScriptedAuthority("ab", pushedFirst);
      // A long wait: only the broadcast can confirm the push here, never the pull after the wait.
      const editor = makeEditor(authority, "ab", 60_000);
      editor.sync.setConnected(true, 0);
      const stored = authority.store(theirs);
      type(editor, 1, "X");
      await settled();

      // Answered with our stored form at version 2; the update at version 1 has not come: nothing is applied yet.
      assert.deepEqual(authority.pushes(), [{ method: "Push", version: 0, count: 1 }]);
      assert.equal(editor.sync.version, 0);
      assert.equal(editor.host.state.doc.toString(), "aXb");
      assert.equal(editor.sync.history.length, 0);
      // Typing meanwhile does not send the confirmed update again, nor push on the old version.
      type(editor, 2, "Z");
      await settled();
      assert.equal(authority.pushes().length, 1);

      // The broadcasts: theirs (version 1) and ours (version 2), in either order (two nodes' broadcasts may cross).
      const own = { updates: [authority.updates[1]], version: 2 };
      if (ownBroadcastFirst) {
        editor.sync.enqueue(own.updates, own.version);
        await settled();
        assert.equal(editor.sync.version, 0);
      }
      editor.sync.enqueue([stored], 1);
      if (!ownBroadcastFirst) {
        editor.sync.enqueue(own.updates, own.version);
      }
      await settled();

      // Both applied in one go in the server's order, then "Z" pushed once on version 2, stored as sent.
      assert.equal(authority.pulls(), 0);
      assert.deepEqual(authority.pushes().map(p => p.version), [0, 2]);
      assert.equal(authority.text.toString(), pushedFirst ? "aXZYb" : "aYXZb");
      assertSameAsServer(editor, authority);
      editor.sync.dispose();
    });
  }
}

test("a rebased push whose broadcast before it never comes is confirmed by one pull after the wait", async () => {
  const authority = new ScriptedAuthority("ab", false);
  const editor = makeEditor(authority, "ab", 20);
  editor.sync.setConnected(true, 0);
  authority.store(theirs);
  type(editor, 1, "X");
  await settled();
  for (let i = 0; i < 2000 && editor.sync.running; i++) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }

  assert.equal(authority.pulls(), 1);
  assert.equal(authority.pushes().length, 1);
  assertSameAsServer(editor, authority);
  // The broadcasts arriving late change nothing.
  editor.sync.enqueue(authority.updates, 2);
  await settled();
  assertSameAsServer(editor, authority);
  editor.sync.dispose();
});

test("a rebased push waiting for a broadcast across a reconnect (to any node) is confirmed by a pull at once", async () => {
  const authority = new ScriptedAuthority("ab", true);
  const editor = makeEditor(authority, "ab", 60_000);
  editor.sync.setConnected(true, 0);
  authority.store(theirs);
  type(editor, 1, "X");
  await settled();
  assert.equal(editor.sync.version, 0);

  editor.sync.setConnected(false);
  await settled();
  assert.equal(editor.sync.running, false, "the wait ends with the connection");
  editor.sync.setConnected(true, authority.updates.length);
  await settled();

  assert.equal(authority.pulls(), 1);
  assert.equal(authority.pushes().length, 1);
  assertSameAsServer(editor, authority);
  editor.sync.dispose();
});

test("a push stored but whose answer is lost is confirmed by a pull on reconnect, never pushed or applied twice", async () => {
  const authority = new ScriptedAuthority("ab", false);
  const editor = makeEditor(authority, "ab", 60_000);
  editor.sync.setConnected(true, 0);
  authority.store(theirs);
  authority.loseNextAnswer = true;
  type(editor, 1, "X");
  await settled();
  editor.sync.setConnected(false);
  // The broadcasts sent before the drop arrive; ours among them must not be taken for a new update.
  editor.sync.enqueue(authority.updates.slice(1), 2);
  editor.sync.setConnected(true, authority.updates.length);
  await settled();

  assert.equal(authority.pushes().length, 1);
  assertSameAsServer(editor, authority);
  editor.sync.dispose();
});
