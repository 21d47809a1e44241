import { ChangeSet } from "@codemirror/state";

// The pure part of tracked changes: where a pending suggestion, made on some version, shows in the
// document the editor holds now.

/**
 * The ranges one change set touches, in the document it applies to: `from..to` is removed (may be
 * empty) and `text` is added there (may be empty).
 */
export function trackedRanges(changes) {
  const ranges = [];
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    ranges.push({ from: fromA, to: toA, text: inserted.toString() });
  });
  return ranges;
}

/** Follows one placed suggestion through a change of the document. */
export function mapSuggestion(suggestion, changes) {
  return {
    ...suggestion,
    ranges: suggestion.ranges.map(r => {
      // The removed range shrinks when others delete inside it; the insertion point stays after it.
      const from = changes.mapPos(r.from, 1);
      const to = Math.max(from, changes.mapPos(r.to, -1));
      return { ...r, from, to };
    }),
  };
}

/**
 * Places the hub's suggestions ({id, authorName, version, changes}) in the current document.
 * `version` is the synced version, `updatesSince(v)` the updates received after v (null when forgotten),
 * `local` the unconfirmed local changes (or null). Suggestions on a version not received yet are
 * returned as deferred; forgotten ones are left out (the list on the page still shows them).
 */
export function placeSuggestions(list, { version, updatesSince, local }) {
  const placed = [];
  const deferred = [];
  for (const suggestion of list ?? []) {
    if (suggestion.version > version) {
      deferred.push(suggestion);
      continue;
    }
    const since = updatesSince(suggestion.version);
    if (!since) {
      continue;
    }
    let changes;
    try {
      changes = ChangeSet.fromJSON(suggestion.changes);
      for (const update of since) {
        changes = changes.map(update.changes);
      }
      if (local) {
        changes = changes.map(local);
      }
    } catch {
      // A suggestion that no longer fits (the server mapped it on another text) is not drawn.
      continue;
    }
    placed.push({ id: suggestion.id, author: suggestion.authorName, ranges: trackedRanges(changes) });
  }
  return { placed, deferred };
}
