// The collaborative editing state of the editor: @codemirror/collab 6.1.1 (MIT, (C) 2018-2021 Marijn Haverbeke
// and others), with one change in receiveUpdates: who goes first when a received insertion and an unconfirmed
// local one land at the same place (see `localGoesFirst`, ADR 0017), and where a cursor goes when someone else's
// text arrives right at it (`selectionAfter`). The rest is the library's code.
import { Annotation, ChangeSet, EditorSelection, Facet, RangeSet, RangeValue, StateEffect, StateField, Transaction, combineConfig } from "@codemirror/state";

class LocalUpdate {
  constructor(origin, changes, effects, clientID) {
    this.origin = origin;
    this.changes = changes;
    this.effects = effects;
    this.clientID = clientID;
  }
}

// `own` marks the text this editor typed since it was created, in the current document: a tie is decided by it.
class CollabState {
  constructor(version, unconfirmed, own) {
    this.version = version;
    this.unconfirmed = unconfirmed;
    this.own = own;
  }
}

// Exclusive at both ends: text someone else inserts next to this editor's own is not taken for its own.
class OwnText extends RangeValue {}
OwnText.prototype.startSide = 1;
OwnText.prototype.endSide = -1;
const ownText = new OwnText();

const collabConfig = Facet.define({
  combine(configs) {
    const combined = combineConfig(configs, { startVersion: 0, clientID: null, sharedEffects: () => [] }, {
      generatedID: a => a,
    });
    if (combined.clientID == null) {
      combined.clientID = (configs.length && configs[0].generatedID) || "";
    }
    return combined;
  },
});

const collabReceive = Annotation.define();

/** The text `changes` inserted, added to the `own` marks (already mapped over them). */
function withInserted(own, changes) {
  const added = [];
  changes.iterChanges((fromA, toA, fromB, toB) => {
    if (toB > fromB) {
      added.push(ownText.range(fromB, toB));
    }
  });
  return added.length ? own.update({ add: added, sort: true }) : own;
}

const collabField = StateField.define({
  create(state) {
    return new CollabState(state.facet(collabConfig).startVersion, [], RangeSet.empty);
  },
  update(collab, tr) {
    const isSync = tr.annotation(collabReceive);
    if (isSync) {
      return isSync;
    }
    const { sharedEffects, clientID } = tr.startState.facet(collabConfig);
    const effects = sharedEffects(tr);
    if (effects.length || !tr.changes.empty) {
      const own = withInserted(collab.own.map(tr.changes), tr.changes);
      return new CollabState(collab.version, collab.unconfirmed.concat(new LocalUpdate(tr, tr.changes, effects, clientID)), own);
    }
    return collab;
  },
});

/** Creates an instance of the collaborative editing plugin. */
export function collab(config = {}) {
  return [collabField, collabConfig.of(Object.assign({ generatedID: Math.floor(Math.random() * 1e9).toString(36) }, config))];
}

/** Positions (in the document both start from) where `a` and `b` both insert text. */
function sharedInsertionPoints(a, b) {
  const points = new Set();
  a.iterChanges((fromA, toA, fromB, toB) => {
    if (toB > fromB) {
      points.add(fromA);
    }
  });
  const shared = [];
  b.iterChanges((fromA, toA, fromB, toB) => {
    if (toB > fromB && points.has(fromA)) {
      shared.push(fromA);
    }
  });
  return shared;
}

/**
 * Whether the unconfirmed update `index` goes before the received `remote` changes where both insert at one
 * place. The library always puts the received text first, so two people typing at one spot got their letters
 * interleaved: the other's letter landed between this editor's last letter and the next one it had typed.
 * Instead, at such a place, the text of whoever wrote the character just before it goes first: each person's
 * run of typing continues after its own last letter and stays in one piece. Both orders converge (the server
 * only accepts updates on its latest version, so the order is decided here, once, for both sides).
 */
export function localGoesFirst(own, unconfirmed, index, remote) {
  const local = unconfirmed[index].changes;
  for (const point of sharedInsertionPoints(local, remote)) {
    // The point in the document as it is now (after this update and the later unconfirmed ones).
    let pos = point;
    for (let i = index; i < unconfirmed.length; i++) {
      pos = unconfirmed[i].changes.mapPos(pos, -1);
    }
    if (ownsCharacterBefore(own, pos)) {
      return true;
    }
  }
  return false;
}

function ownsCharacterBefore(own, pos) {
  if (pos <= 0) {
    return false;
  }
  let found = false;
  own.between(pos - 1, pos, (from, to) => {
    if (from <= pos - 1 && to >= pos) {
      found = true;
      return false;
    }
    return undefined;
  });
  return found;
}

/**
 * The selection after the received `changes`. CodeMirror keeps a cursor before text inserted right at it; that
 * is right after one's own letter (one's run goes on there), but a cursor after someone else's letter, or
 * placed where that person is typing, would then split their run with the next letter typed here: such a
 * cursor moves after the arriving text instead. Null when that changes nothing.
 */
function selectionAfter(selection, changes, own) {
  let moved = false;
  const ranges = selection.ranges.map(range => {
    if (!range.empty || ownsCharacterBefore(own, range.head)) {
      return range.map(changes);
    }
    const after = changes.mapPos(range.head, 1);
    moved ||= after !== changes.mapPos(range.head, -1);
    return EditorSelection.cursor(after);
  });
  return moved ? EditorSelection.create(ranges, selection.mainIndex) : null;
}

/** Whether two change sets make the same changes (adjacent sections joined, as iterChanges reports them). */
export function sameChanges(a, b) {
  if (a.length !== b.length || a.newLength !== b.newLength) {
    return false;
  }
  const list = changes => {
    const parts = [];
    changes.iterChanges((fromA, toA, fromB, toB, inserted) => parts.push(fromA, toA, fromB, toB, inserted.toString()));
    return parts;
  };
  const left = list(a);
  const right = list(b);
  return left.length === right.length && left.every((part, index) => part === right[index]);
}

/**
 * The received `others` mapped over one of our own updates that comes back confirmed. The authority may have
 * rebased that update over `others` (ADR 0046), choosing at a tie whether our text or theirs goes first: the order
 * is the one that gives the form it stored (`stored`), so this editor and the server hold the same text.
 */
export function mapOverOwn(others, own, stored) {
  if (sameChanges(own.map(others, false), stored)) {
    return others.map(own, true);
  }
  if (sameChanges(own.map(others, true), stored)) {
    return others.map(own, false);
  }
  // Not a form the authority produces; keep the library's order.
  return others.map(own, true);
}

/**
 * Creates a transaction that represents a set of new updates received from the authority. Applying this
 * transaction moves the state forward to adjust to the authority's view of the document.
 */
export function receiveUpdates(state, updates) {
  let { version, unconfirmed } = state.field(collabField);
  const { own } = state.field(collabField);
  const { clientID } = state.facet(collabConfig);
  version += updates.length;
  let effects = [];
  let changes = null;
  let ownCount = 0;
  for (const update of updates) {
    const ours = ownCount < unconfirmed.length ? unconfirmed[ownCount] : null;
    if (ours && ours.clientID == update.clientID) {
      if (changes) {
        changes = mapOverOwn(changes, ours.changes, update.changes);
      }
      effects = StateEffect.mapEffects(effects, update.changes);
      ownCount++;
    } else {
      effects = StateEffect.mapEffects(effects, update.changes);
      if (update.effects) {
        effects = effects.concat(update.effects);
      }
      changes = changes ? changes.compose(update.changes) : update.changes;
    }
  }
  if (ownCount) {
    unconfirmed = unconfirmed.slice(ownCount);
  }
  if (unconfirmed.length) {
    if (changes) {
      const original = unconfirmed;
      unconfirmed = original.map((update, index) => {
        const first = localGoesFirst(own, original, index, changes);
        const updateChanges = update.changes.map(changes, first);
        changes = changes.map(update.changes, !first);
        return new LocalUpdate(update.origin, updateChanges, StateEffect.mapEffects(update.effects, changes), clientID);
      });
    }
    if (effects.length) {
      const composed = unconfirmed.reduce((ch, u) => ch.compose(u.changes), ChangeSet.empty(unconfirmed[0].changes.length));
      effects = StateEffect.mapEffects(effects, composed);
    }
  }
  if (!changes) {
    return state.update({ annotations: [collabReceive.of(new CollabState(version, unconfirmed, own))] });
  }
  const selection = selectionAfter(state.selection, changes, own);
  return state.update({
    changes,
    ...(selection ? { selection } : {}),
    effects,
    annotations: [
      Transaction.addToHistory.of(false),
      Transaction.remote.of(true),
      collabReceive.of(new CollabState(version, unconfirmed, own.map(changes))),
    ],
    filter: false,
  });
}

/** The local updates not yet confirmed by the authority (each with the `origin` transaction that made it). */
export function sendableUpdates(state) {
  return state.field(collabField).unconfirmed;
}

/** The version up to which the editor has synced with the authority. */
export function getSyncedVersion(state) {
  return state.field(collabField).version;
}

/** This editor's collaborative editing client id. */
export function getClientID(state) {
  return state.facet(collabConfig).clientID;
}
