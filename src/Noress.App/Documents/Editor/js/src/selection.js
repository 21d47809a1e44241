import { getSyncedVersion, sendableUpdates } from "./collab.js";

/**
 * The main selection as {from, to, version} in the text of the synced version: local edits the server has
 * not acknowledged yet are mapped out, so a comment anchors where the server's text has it.
 */
export function syncedSelection(state) {
  let { from, to } = state.selection.main;
  const pending = sendableUpdates(state);
  if (pending.length > 0) {
    const unconfirmed = pending.map(update => update.changes).reduce((a, b) => a.compose(b)).invertedDesc;
    from = unconfirmed.mapPos(from, 1);
    to = Math.max(from, unconfirmed.mapPos(to, -1));
  }
  return { from, to, version: getSyncedVersion(state) };
}
