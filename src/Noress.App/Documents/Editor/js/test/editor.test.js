import assert from "node:assert/strict";
import { test } from "node:test";
import { collab, mapOverOwn, receiveUpdates, sendableUpdates } from "../src/collab.js";
import { ChangeSet, EditorSelection, EditorState, Text } from "@codemirror/state";
import { lineDirection } from "../src/direction.js";
import { findPending, pendingKey, rebasePending, savePending } from "../src/pending.js";
import { syncedSelection } from "../src/selection.js";
import { mapSuggestion, placeSuggestions } from "../src/tracked.js";
import { CollabSync, fromWire, hubErrorMessage } from "../src/sync.js";

test("lineDirection follows the first letter like dir=auto", () => {
  assert.equal(lineDirection("# عنوان الوثيقة"), "rtl");
  assert.equal(lineDirection("1. Le texte, puis نص"), "ltr");
  assert.equal(lineDirection("- 2026 : المحضر"), "rtl");
  assert.equal(lineDirection("12 — ---"), null);
});

/** The authority of the contract in a few lines: accepts a push only on its current version. */
class FakeAuthority {
  constructor(text) {
    this.text = Text.of(text.split("\n"));
    this.updates = [];
    this.clients = [];
  }

  invoke(method, documentId, version, payload) {
    // Every answer arrives later, in a random order with the broadcasts, like a network would.
    return new Promise(resolve => setTimeout(() => resolve(this.handle(method, version, payload)), Math.random() * 5));
  }

  handle(method, version, payload) {
    if (method === "Pull") {
      return this.updates.slice(version);
    }
    if (method === "Push") {
      if (version !== this.updates.length) {
        return { accepted: false, version: this.updates.length, error: null };
      }
      for (const dto of payload) {
        this.text = ChangeSet.fromJSON(dto.changes).apply(this.text);
        this.updates.push(dto);
      }
      const after = this.updates.length;
      for (const client of this.clients) {
        setTimeout(() => client.enqueue(payload, after), Math.random() * 5);
      }
      return { accepted: true, version: after, error: null };
    }
    throw new Error(method);
  }
}

function makeClient(authority, text, cursor = 0) {
  const host = {
    state: EditorState.create({ doc: text, selection: EditorSelection.cursor(cursor), extensions: [collab({ startVersion: 0 })] }),
    dispatch(tr) {
      this.state = tr.state;
    },
    setState(state) {
      this.state = state;
    },
  };
  const sync = new CollabSync({ host, documentId: "d", invoke: (m, ...a) => authority.invoke(m, ...a), text });
  authority.clients.push(sync);
  sync.setConnected(true, 0);
  return { host, sync };
}

function randomEdit(client, random) {
  const length = client.host.state.doc.length;
  const from = Math.floor(random() * (length + 1));
  const to = Math.min(length, from + Math.floor(random() * 3));
  const inserts = ["a", "é", "ب", "سلام", "👍", "e\u0301", "\n", ""];
  client.host.dispatch(client.host.state.update({ changes: { from, to, insert: inserts[Math.floor(random() * inserts.length)] } }));
  client.sync.localChanged();
}

// Quiet means every client is idle and has every update the authority accepted: a broadcast may still
// be on its way to an idle client when the pusher is already done.
async function settle(clients, authority) {
  for (let i = 0; i < 500; i++) {
    await new Promise(resolve => setTimeout(resolve, 10));
    const busy = clients.some(c => c.sync.running || c.sync.inbox.length || sendableUpdates(c.host.state).length
      || (authority && c.sync.version < authority.updates.length));
    if (!busy) {
      return;
    }
    clients.forEach(c => c.sync.schedule());
  }
}

test("concurrent clients converge on the authority's text, across a disconnect", async () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const initial = "Règlement intérieur\nالنظام الداخلي";
  const authority = new FakeAuthority(initial);
  const clients = [makeClient(authority, initial), makeClient(authority, initial), makeClient(authority, initial)];
  for (let round = 0; round < 60; round++) {
    const client = clients[Math.floor(random() * clients.length)];
    if (round === 20) {
      clients[2].sync.setConnected(false);
    }
    if (round === 45) {
      clients[2].sync.setConnected(true);
    }
    randomEdit(client, random);
    if (round % 7 === 0) {
      await new Promise(resolve => setTimeout(resolve, 3));
    }
  }
  await settle(clients, authority);
  for (const client of clients) {
    assert.equal(client.host.state.doc.toString(), authority.text.toString());
    assert.equal(client.sync.shadow.toString(), authority.text.toString());
  }
});

/**
 * An authority that rebases a push on an old version (ADR 0046), deciding each tie with a coin: whatever it
 * decides, the editor learns it from the stored form and converges.
 */
class RebasingAuthority extends FakeAuthority {
  constructor(text, random) {
    super(text);
    this.random = random;
    this.rebased = 0;
  }

  handle(method, version, payload) {
    if (method !== "Push" || version === this.updates.length) {
      return super.handle(method, version, payload);
    }
    let others = null;
    let skip = 0;
    for (const dto of this.updates.slice(version)) {
      const stored = ChangeSet.fromJSON(dto.changes);
      if (skip < payload.length && payload[skip].clientId === dto.clientId) {
        others = others && mapOverOwn(others, ChangeSet.fromJSON(payload[skip].changes), stored);
        skip++;
      } else {
        others = others ? others.compose(stored) : stored;
      }
    }
    const placed = payload.slice(skip).map(dto => {
      let changes = ChangeSet.fromJSON(dto.changes);
      if (others) {
        const first = this.random() < 0.5;
        const mapped = changes.map(others, first);
        others = others.map(changes, !first);
        changes = mapped;
      }
      return { clientId: dto.clientId, changes: changes.toJSON() };
    });
    for (const dto of placed) {
      this.text = ChangeSet.fromJSON(dto.changes).apply(this.text);
      this.updates.push(dto);
    }
    this.rebased++;
    const after = this.updates.length;
    for (const client of this.clients) {
      setTimeout(() => client.enqueue(placed, after), Math.random() * 5);
    }
    // Only the pushed updates' stored form: the others come with the broadcasts (ADR 0060).
    return { accepted: true, version: after, error: null, updates: placed };
  }
}

test("a rebasing authority: concurrent clients take the rebased form and converge, across a disconnect", async () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const initial = "Règlement intérieur\nالنظام الداخلي";
  const authority = new RebasingAuthority(initial, random);
  const clients = [makeClient(authority, initial), makeClient(authority, initial), makeClient(authority, initial)];
  for (let round = 0; round < 90; round++) {
    const client = clients[Math.floor(random() * clients.length)];
    if (round === 30) {
      clients[2].sync.setConnected(false);
    }
    if (round === 60) {
      clients[2].sync.setConnected(true);
    }
    randomEdit(client, random);
    // Two people often type at one spot: ties are where the order matters.
    if (round % 3 === 0) {
      const other = clients[(clients.indexOf(client) + 1) % clients.length];
      const at = Math.min(other.host.state.doc.length, client.host.state.selection.main.head);
      other.host.dispatch(other.host.state.update({ changes: { from: at, insert: "t" } }));
      other.sync.localChanged();
    }
    if (round % 7 === 0) {
      await new Promise(resolve => setTimeout(resolve, 3));
    }
  }
  await settle(clients, authority);
  assert.ok(authority.rebased > 0, "no push was rebased");
  const stored = authority.updates.map((u, i) => ({ version: i + 1, clientId: u.clientId, changes: JSON.stringify(u.changes) }));
  for (const client of clients) {
    assert.equal(client.host.state.doc.toString(), authority.text.toString());
    assert.equal(client.sync.shadow.toString(), authority.text.toString());
    // Every update applied once, in the server's order and stored form: the history is the server's.
    assert.deepEqual(client.sync.history.map(h => ({ version: h.version, clientId: h.clientID, changes: JSON.stringify(h.changes.toJSON()) })), stored);
  }
});

/** One keystroke: the text goes in at the cursor, which moves after it, as CodeMirror does when typing. */
function type(client, text) {
  client.host.dispatch(client.host.state.update(client.host.state.replaceSelection(text), { userEvent: "input.type" }));
  client.sync.localChanged();
}

test("receiveUpdates puts a letter typed after one's own text before someone else's letter at the same place", () => {
  const insert = (from, text, length) => ChangeSet.of({ from, insert: text }, length);
  let state = EditorState.create({ doc: "X\nY", selection: EditorSelection.cursor(1), extensions: [collab({ startVersion: 0, clientID: "fr" })] });
  state = state.update(state.replaceSelection("É")).state;
  state = receiveUpdates(state, [{ clientID: "fr", changes: insert(1, "É", 3) }]).state;
  // "c" is typed after "É"; meanwhile the server took "خ", typed by someone else at the same place.
  state = state.update(state.replaceSelection("c")).state;

  state = receiveUpdates(state, [{ clientID: "ar", changes: insert(2, "خ", 4) }]).state;

  // With @codemirror/collab's rule (received text first) this was "XÉخc": the other's letter inside this run.
  assert.equal(state.doc.toString(), "XÉcخ\nY");
  assert.equal(state.selection.main.head, 3);
  assert.deepEqual(sendableUpdates(state).map(u => u.changes.toJSON()), [[2, [0, "c"], 3]]);

  // Where the letter before is not this editor's, the received text still goes first (both start a run there).
  let other = EditorState.create({ doc: "X\nY", selection: EditorSelection.cursor(1), extensions: [collab({ startVersion: 0, clientID: "fr" })] });
  other = other.update(other.replaceSelection("É")).state;
  other = receiveUpdates(other, [{ clientID: "ar", changes: insert(1, "خ", 3) }]).state;
  assert.equal(other.doc.toString(), "XخÉ\nY");
  assert.equal(other.selection.main.head, 3);
});

test("receiveUpdates moves a cursor that sits where someone else is typing after their letter", () => {
  const insert = (from, text, length) => ChangeSet.of({ from, insert: text }, length);
  // "É" came from someone else and the cursor was put after it (Ctrl+End): their "c" must not end up after it.
  let state = EditorState.create({ doc: "Objet : ", extensions: [collab({ startVersion: 0, clientID: "ar" })] });
  state = receiveUpdates(state, [{ clientID: "fr", changes: insert(8, "É", 8) }]).state;
  state = state.update({ selection: EditorSelection.cursor(9) }).state;

  state = receiveUpdates(state, [{ clientID: "fr", changes: insert(9, "c", 9) }]).state;
  assert.equal(state.selection.main.head, 10);

  // After one's own letter the cursor stays: someone else's text arriving there goes after it.
  state = state.update(state.replaceSelection("خ")).state;
  state = receiveUpdates(state, [{ clientID: "ar", changes: insert(10, "خ", 10) }, { clientID: "fr", changes: insert(11, "o", 11) }]).state;
  assert.equal(state.doc.toString(), "Objet : Écخo");
  assert.equal(state.selection.main.head, 11);
});

test("two people typing at the same spot, in Arabic and in French, each keep their run in one piece", async () => {
  const french = "Économie sociale et solidaire";
  const arabic = "الاقتصاد الاجتماعي والتضامني";
  for (let run = 1; run <= 30; run++) {
    let seed = run;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const initial = "Objet : ";
    const authority = new FakeAuthority(initial);
    const clients = [makeClient(authority, initial), makeClient(authority, initial)];
    const texts = [french, arabic];
    const typed = [0, 0];
    // The Arabic typist puts the cursor at the end (Ctrl+End) after 0 to 5 French letters: some may have arrived.
    const arabicStartsAfter = Math.floor(random() * 6);
    let arabicStarted = false;
    while (typed[0] < french.length || typed[1] < arabic.length) {
      let who = typed[1] >= arabic.length || (typed[0] < french.length && random() < 0.5) ? 0 : 1;
      if (who === 1 && !arabicStarted) {
        if (typed[0] < arabicStartsAfter) {
          who = 0;
        } else {
          const host = clients[1].host;
          host.dispatch(host.state.update({ selection: EditorSelection.cursor(host.state.doc.length) }));
          arabicStarted = true;
        }
      }
      if (who === 0 && typed[0] === 0) {
        const host = clients[0].host;
        host.dispatch(host.state.update({ selection: EditorSelection.cursor(host.state.doc.length) }));
      }
      type(clients[who], texts[who][typed[who]++]);
      await new Promise(resolve => setTimeout(resolve, random() * 2));
    }
    await settle(clients, authority);

    const text = authority.text.toString();
    assert.equal(clients[0].host.state.doc.toString(), text);
    assert.equal(clients[1].host.state.doc.toString(), text);
    assert.ok(text.includes(french) && text.includes(arabic), `run ${run}: ${text}`);
  }
});

test("a suggestion draft is held back, sent with Suggest and dropped locally", async () => {
  const authority = new FakeAuthority("abc");
  const suggestions = [];
  const original = authority.handle.bind(authority);
  authority.handle = (method, version, payload) => method === "Suggest" ? (suggestions.push({ version, payload }), { accepted: true }) : original(method, version, payload);
  const client = makeClient(authority, "abc");
  client.host.dispatch(client.host.state.update({ changes: { from: 3, insert: "d" } }));
  client.sync.localChanged();
  await settle([client]);
  client.sync.setHoldSuggestions(true);
  client.host.dispatch(client.host.state.update({ changes: { from: 0, insert: "X" } }));
  client.sync.localChanged();
  await new Promise(resolve => setTimeout(resolve, 30));
  assert.equal(authority.text.toString(), "abcd");

  const result = await client.sync.sendSuggestion((text, version) => EditorState.create({ doc: text, extensions: [collab({ startVersion: version })] }));

  assert.equal(result.accepted, true);
  assert.deepEqual(suggestions, [{ version: 1, payload: [[0, "X"], 4] }]);
  assert.equal(client.host.state.doc.toString(), "abcd");
});

class MemoryStorage {
  constructor() {
    this.items = new Map();
  }

  get length() {
    return this.items.size;
  }

  key(i) {
    return [...this.items.keys()][i] ?? null;
  }

  getItem(key) {
    return this.items.get(key) ?? null;
  }

  setItem(key, value) {
    this.items.set(key, String(value));
  }

  removeItem(key) {
    this.items.delete(key);
  }
}

test("unacknowledged edits survive in storage and are rebased onto the current document", () => {
  const storage = new MemoryStorage();
  const documentId = "6F1C0C5E-0000-4000-8000-000000000001";
  // Version 3, text "hello": the dead client had typed " world" then "!" without acknowledgement.
  const first = ChangeSet.of({ from: 5, insert: " world" }, 5);
  const second = ChangeSet.of({ from: 11, insert: "!" }, 11);
  savePending(storage, documentId, "dead", 3, [first, second]);
  savePending(storage, documentId, "me", 3, []);

  const found = findPending(storage, documentId, "me");
  assert.equal(found.length, 1);
  assert.equal(found[0].key, pendingKey(documentId, "dead"));

  // Meanwhile the server accepted the dead client's first update, and someone else's "Oh, " at the start.
  const server = fromWire([
    { clientId: "dead", changes: first.toJSON() },
    { clientId: "other", changes: ChangeSet.of({ from: 0, insert: "Oh, " }, 11).toJSON() },
  ]);
  const restored = rebasePending(found[0], server, null);
  assert.equal(restored.apply(Text.of(["Oh, hello world"])).toString(), "Oh, hello world!");
});

test("syncedSelection maps the selection out of unacknowledged local edits", () => {
  let state = EditorState.create({ doc: "Article premier", extensions: [collab({ startVersion: 3 })] });
  assert.deepEqual(syncedSelection(state.update({ selection: { anchor: 8, head: 15 } }).state), { from: 8, to: 15, version: 3 });

  // A local, unsent insertion before the selection shifts it in the editor, not in the server's text.
  state = state.update({ changes: { from: 0, insert: "تمهيد\n" } }).state;
  state = state.update({ selection: { anchor: 14, head: 21 } }).state;
  assert.equal(state.doc.sliceString(14, 21), "premier");
  assert.deepEqual(syncedSelection(state), { from: 8, to: 15, version: 3 });

  // A selection inside the unacknowledged text collapses to where that text goes in.
  state = state.update({ selection: { anchor: 1, head: 3 } }).state;
  assert.deepEqual(syncedSelection(state), { from: 0, to: 0, version: 3 });
});

test("placeSuggestions maps a suggestion over later updates and local edits", () => {
  const doc = Text.of(["Article 1. Durée : deux ans."]);
  // Suggested on version 0: replace "deux" (19..23) by "trois".
  const suggested = ChangeSet.of([{ from: 19, to: 23, insert: "trois" }], doc.length);
  // Version 1 (someone else) inserts "Le " at the start; a local unconfirmed edit appends "!".
  const update = ChangeSet.of([{ from: 0, insert: "Le " }], doc.length);
  const afterUpdate = update.apply(doc);
  const local = ChangeSet.of([{ from: afterUpdate.length, insert: "!" }], afterUpdate.length);
  const { placed, deferred } = placeSuggestions(
    [
      { id: "a", authorName: "Nadia", version: 0, changes: suggested.toJSON() },
      { id: "b", authorName: "Samir", version: 2, changes: suggested.toJSON() },
    ],
    { version: 1, updatesSince: v => (v === 0 ? [{ changes: update }] : []), local },
  );
  assert.deepEqual(deferred.map(s => s.id), ["b"]);
  assert.equal(placed.length, 1);
  assert.deepEqual(placed[0].ranges, [{ from: 22, to: 26, text: "trois" }]);
  const current = local.apply(afterUpdate).toString();
  assert.equal(current.slice(22, 26), "deux");
});

test("placeSuggestions leaves out a suggestion whose updates are forgotten or that no longer fits", () => {
  const suggested = ChangeSet.of([{ from: 0, insert: "x" }], 3);
  const { placed } = placeSuggestions(
    [
      { id: "old", authorName: "A", version: 0, changes: suggested.toJSON() },
      { id: "bad", authorName: "B", version: 1, changes: suggested.toJSON() },
    ],
    { version: 1, updatesSince: v => (v === 0 ? null : []), local: ChangeSet.of([{ from: 0, insert: "yy" }], 5) },
  );
  assert.deepEqual(placed, []);
});

test("mapSuggestion shrinks a struck range deleted by others and keeps the insertion after it", () => {
  const placed = { id: "a", author: "A", ranges: [{ from: 4, to: 8, text: "new" }] };
  const deleteInside = ChangeSet.of([{ from: 6, to: 10 }], 12);
  assert.deepEqual(mapSuggestion(placed, deleteInside).ranges, [{ from: 4, to: 6, text: "new" }]);
  const insertBefore = ChangeSet.of([{ from: 0, insert: "ab" }], 12);
  assert.deepEqual(mapSuggestion(placed, insertBefore).ranges, [{ from: 6, to: 10, text: "new" }]);
});

test("hubErrorMessage keeps the server's localized reason of a refused call", () => {
  const refused = new Error("An unexpected error occurred invoking 'Join' on the server. HubException: Vous n’avez pas accès à ce document.");
  assert.equal(hubErrorMessage(refused), "Vous n’avez pas accès à ce document.");
  assert.equal(hubErrorMessage(new Error("WebSocket closed with status code: 1006")), null);
  assert.equal(hubErrorMessage(undefined), null);
});
