import assert from "node:assert/strict";
import { sendableUpdates } from "../src/collab.js";

/** Lets the sync loop run what it can without time passing (answers come at once; setImmediate is not mocked). */
export async function settled() {
  for (let i = 0; i < 20; i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
}

/** The editor holds exactly what the server stores: its text, and its history, update by update. */
export function assertSameAsServer(editor, authority) {
  assert.equal(editor.host.state.doc.toString(), authority.text.toString());
  assert.equal(editor.sync.shadow.toString(), authority.text.toString());
  assert.equal(editor.sync.version, authority.updates.length);
  assert.deepEqual(
    editor.sync.history.map(h => ({ version: h.version, clientId: h.clientID, changes: JSON.stringify(h.changes.toJSON()) })),
    authority.updates.map((u, i) => ({ version: i + 1, clientId: u.clientId, changes: JSON.stringify(u.changes) })));
  assert.equal(sendableUpdates(editor.host.state).length, 0);
}
