import { ChangeSet } from "@codemirror/state";

// Local edits the server has not acknowledged yet are mirrored in localStorage so that a reload or a
// server restart never loses them silently: one entry per document and editor instance (client id),
// holding the version the changes are based on.
const prefix = "noress.documents.pending.";

export function pendingKey(documentId, clientId) {
  return `${prefix}${documentId.toLowerCase()}.${clientId}`;
}

/** Writes (or removes, when there is nothing unacknowledged) the entry of one editor instance. */
export function savePending(storage, documentId, clientId, version, changeSets) {
  const key = pendingKey(documentId, clientId);
  try {
    if (changeSets.length === 0) {
      storage.removeItem(key);
    } else {
      storage.setItem(key, JSON.stringify({
        documentId: documentId.toLowerCase(),
        clientId,
        version,
        changes: changeSets.map(c => c.toJSON()),
        savedAt: Date.now(),
      }));
    }
  } catch {
    // A full or disabled storage must not break editing; the edits still live in the editor.
  }
}

/** Entries left by other (closed or crashed) editor instances on this document, oldest first. */
export function findPending(storage, documentId, ownClientId) {
  const found = [];
  const documentPrefix = `${prefix}${documentId.toLowerCase()}.`;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key || !key.startsWith(documentPrefix) || key === pendingKey(documentId, ownClientId)) {
      continue;
    }
    try {
      const entry = JSON.parse(storage.getItem(key));
      if (Number.isInteger(entry.version) && Array.isArray(entry.changes) && entry.changes.length > 0) {
        found.push({ key, clientId: String(entry.clientId), version: entry.version, changes: entry.changes, savedAt: entry.savedAt ?? 0 });
      }
    } catch {
      // An unreadable entry cannot be offered back.
    }
  }
  return found.sort((a, b) => a.savedAt - b.savedAt);
}

export function removePending(storage, keys) {
  for (const key of keys) {
    try {
      storage.removeItem(key);
    } catch {
      // Nothing more to do: the entry will be offered again next time.
    }
  }
}

/**
 * Moves a stored entry onto the current document. `serverUpdates` are the accepted updates
 * ({clientID, changes: ChangeSet}) from `entry.version` up to the editor's synced version; the ones
 * from the entry's own client were acknowledged after the entry was written and are dropped, the
 * others move the remaining changes forward (the same rule as @codemirror/collab's receiveUpdates).
 * `localChanges` (a ChangeSet on the synced document, or null) are the editor's own unconfirmed edits.
 * Returns one ChangeSet applicable to the editor's current document, or null when nothing is left.
 */
export function rebasePending(entry, serverUpdates, localChanges) {
  let own = entry.changes.map(json => ChangeSet.fromJSON(json));
  for (const update of serverUpdates) {
    if (own.length > 0 && update.clientID === entry.clientId) {
      own = own.slice(1);
      continue;
    }
    let remote = update.changes;
    own = own.map(changes => {
      const mapped = changes.map(remote);
      remote = remote.map(changes, true);
      return mapped;
    });
  }
  if (own.length === 0) {
    return null;
  }
  let composed = own.reduce((all, changes) => all.compose(changes));
  if (localChanges) {
    composed = composed.map(localChanges);
  }
  return composed.empty ? null : composed;
}
