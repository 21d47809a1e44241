// The hub's limits on one edit (sent with Join, ADR 0010): checked when the edit is made, so that an edit
// the hub would refuse never sits in the backlog.

/** True when the transaction's change, or the document it leaves, is over `limits` (null: no limits known). */
export function exceedsLimits(tr, limits) {
  if (!limits) {
    return false;
  }
  const before = tr.startState.doc.length;
  const after = tr.newDoc.length;
  if (limits.maxDocumentLength > 0 && after > limits.maxDocumentLength && after > before) {
    return true;
  }
  if (!(limits.maxUpdateLength > 0)) {
    return false;
  }
  let inserted = 0;
  tr.changes.iterChanges((fromA, toA, fromB, toB, text) => {
    inserted += text.length + text.lines;
  });
  // The JSON of a change is its inserted text plus small numbers and quotes: measure it only when close.
  if (inserted * 2 + 1024 < limits.maxUpdateLength) {
    return false;
  }
  return JSON.stringify(tr.changes.toJSON()).length > limits.maxUpdateLength;
}
