import { getSyncedVersion, receiveUpdates, sendableUpdates } from "./collab.js";
import { ChangeSet, Text } from "@codemirror/state";

/** UpdateDto (camelCase, as SignalR sends it) → collab update. */
export function fromWire(dtos) {
  return dtos.map(dto => ({ clientID: dto.clientId, changes: ChangeSet.fromJSON(dto.changes) }));
}

/** The server's own (localized) message of a refused hub call, or null when there is none. */
export function hubErrorMessage(error) {
  const message = typeof error?.message === "string" ? error.message : "";
  const marker = "HubException: ";
  const at = message.indexOf(marker);
  return at >= 0 ? message.slice(at + marker.length) : null;
}

/** Collab updates → UpdateDto; the server fills userId and at. */
export function toWire(updates) {
  return updates.map(update => ({ clientId: update.clientID, changes: update.changes.toJSON() }));
}

/** Composes collab updates into one ChangeSet on the synced document (null when there are none). */
export function composeUpdates(updates) {
  return updates.length === 0 ? null : updates.map(u => u.changes).reduce((all, changes) => all.compose(changes));
}

const historyLimit = 500;
// How long a rebased push's answer waits for the broadcasts before it, before pulling instead (the tick is a few ms).
const broadcastWaitMilliseconds = 1000;
// How long a gap in the broadcasts stays open before pulling what is missing (ADR 0065). With several nodes, each sends
// the updates it commits through the Redis backplane, so two nodes' messages cross: the missing one is a tick or two
// behind (5-20 ms), later under load. Pulling at once cost a round trip and server work per crossing (a pull storm);
// on one node a gap only follows a lost message, whose pull comes this much later.
const gapWaitMilliseconds = 100;
const encoder = new TextEncoder();
const wireSizes = new WeakMap();

/** UTF-8 bytes of one update as the hub reads it (remembered: the unconfirmed updates are the same objects until rebased). */
export function wireBytes(update) {
  let size = wireSizes.get(update);
  if (size === undefined) {
    size = encoder.encode(JSON.stringify({ clientId: update.clientID, changes: update.changes.toJSON() })).length + 1;
    wireSizes.set(update, size);
  }
  return size;
}

/**
 * How many updates from the front of `pending` go in the next push, within the hub's limits
 * ({maxUpdatesPerPush, maxMessageBytes}, from Join): a backlog drains in several pushes (ADR 0010).
 * 0 when the first update alone is over the limits (it cannot be sent at all).
 */
export function nextBatchSize(pending, limits) {
  const maxCount = limits?.maxUpdatesPerPush > 0 ? limits.maxUpdatesPerPush : Infinity;
  const maxBytes = limits?.maxMessageBytes > 0 ? limits.maxMessageBytes : Infinity;
  let bytes = 0;
  let count = 0;
  for (const update of pending) {
    bytes += wireBytes(update);
    if (count >= maxCount || bytes > maxBytes) {
      break;
    }
    count++;
  }
  return count;
}

/**
 * The @codemirror/collab push/pull loop against the authority. One loop runs at a time: broadcasts are
 * queued and applied in order, a push waits for the previous one. The authority rebases a push on an old
 * version and answers with the pushed updates' stored form, applied after the broadcasts before them; a stale
 * answer (a push too old to rebase) pulls and pushes again. Broadcasts are applied in version order; after a gap they
 * are kept until the missing one comes, and only a gap still open after `gapWait` pulls (ADR 0065).
 * `host` is {state, dispatch(transaction)} (an EditorView in the browser), `invoke(method, ...args)`
 * calls the hub. Unconfirmed updates stay in the editor state while disconnected and go out on resume.
 */
export class CollabSync {
  constructor({ host, documentId, invoke, text, limits, onError, onSynced, onTooLarge, onReceived, onStateRebuilt, broadcastWait, gapWait }) {
    this.host = host;
    this.documentId = documentId;
    this.invoke = invoke;
    this.limits = limits ?? null;
    this.onError = onError ?? (() => {});
    this.onSynced = onSynced ?? (() => {});
    this.onTooLarge = onTooLarge ?? (() => {});
    this.errorShown = false;
    // The hub's rate limit asked to wait until then (ms since epoch) before pushing again.
    this.holdUntil = 0;
    this.onReceived = onReceived ?? (() => {});
    this.onStateRebuilt = onStateRebuilt ?? (() => {});
    // The server's text at the synced version: a suggestion draft is dropped by going back to it.
    this.shadow = Text.of(text.split("\n"));
    this.history = [];
    this.inbox = [];
    // A rebased push's own updates in their stored form, waiting for the broadcasts before them ({updates, version}).
    this.answered = null;
    this.inboxWaiter = null;
    this.broadcastWait = broadcastWait ?? broadcastWaitMilliseconds;
    this.gapWait = gapWait ?? gapWaitMilliseconds;
    // One timer for the open gap in the broadcasts, armed at the synced version `gapAt`; `gapOver` once it has rung.
    this.gapTimer = null;
    this.gapAt = -1;
    this.gapOver = false;
    this.serverVersion = getSyncedVersion(host.state);
    this.connected = false;
    this.running = false;
    this.again = false;
    this.disposed = false;
    this.holdSuggestions = false;
    // Updates at the front of the unconfirmed list made outside suggestion mode: only these are pushed
    // while suggestion mode holds the rest back.
    this.directCount = 0;
    this.failures = 0;
    this.retryTimer = null;
    // A push failed in flight: it may be stored; the next step pulls before anything else.
    this.uncertain = false;
  }

  get version() {
    return getSyncedVersion(this.host.state);
  }

  /** Called after every local transaction that changed the document. */
  localChanged() {
    if (!this.holdSuggestions) {
      this.directCount = sendableUpdates(this.host.state).length;
    }
    this.schedule();
  }

  setConnected(connected, serverVersion) {
    this.connected = connected;
    if (serverVersion !== undefined) {
      this.serverVersion = Math.max(this.serverVersion, serverVersion);
    }
    if (connected) {
      // Broadcasts sent while we were away never come, on this node or another: a rebased push's answer still
      // waiting for those before it, or anything known but not received, is confirmed by a pull at once (ADR 0060).
      if (this.answered || this.version < this.serverVersion) {
        this.uncertain = true;
      }
      this.failures = 0;
      this.schedule();
    } else {
      this.stopGapWait();
      this.inboxWaiter?.();
    }
  }

  /** An `Updates` broadcast: `version` is the server's version after these updates. */
  enqueue(updates, version) {
    // Kept in version order, not arrival: two nodes' broadcasts cross the backplane in either order.
    const start = version - updates.length;
    let at = this.inbox.length;
    while (at > 0 && this.inbox[at - 1].version - this.inbox[at - 1].updates.length > start) {
      at--;
    }
    this.inbox.splice(at, 0, { updates, version });
    this.serverVersion = Math.max(this.serverVersion, version);
    this.inboxWaiter?.();
    this.schedule();
  }

  schedule() {
    if (this.disposed) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.loop().finally(() => {
      this.running = false;
    });
  }

  async loop() {
    try {
      do {
        this.again = false;
        await this.step();
      } while (this.again && !this.disposed);
    } catch (error) {
      // A refusal carries the server's localized reason; a dropped connection is shown by the connection
      // status (never a raw transport message), and a repeated failure on a live connection by a generic one.
      const reason = hubErrorMessage(error);
      this.retryLater(reason, reason !== null || (this.connected && this.failures >= 2));
    }
  }

  retryLater(message, report = true) {
    if (report) {
      this.errorShown = true;
      this.onError(message ?? null);
    }
    this.failures++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.schedule(), Math.min(30000, 1000 * 2 ** Math.min(this.failures, 5)));
  }

  async step() {
    if (this.uncertain && this.connected && !this.disposed) {
      await this.pull();
      this.uncertain = false;
    }
    await this.drainInbox();
    // A rebased push's answer waits for the broadcasts of the updates before it, a tick away (ADR 0060); a pull
    // brings them (and ours again, in one go) when they do not come within a second.
    const deadline = Date.now() + this.broadcastWait;
    while (this.answered && this.connected && !this.disposed && Date.now() < deadline) {
      await this.waitForBroadcast(deadline - Date.now());
      await this.drainInbox();
    }
    if (!this.connected || this.disposed) {
      return;
    }
    // Our last accepted push (or someone's) is known but not yet here: confirm before pushing again, or the same
    // updates would be sent twice. A gap in the broadcasts first waits for the missing one (another node's, a tick
    // behind); an answer that waited its second pulls at once.
    if (this.version < this.serverVersion) {
      if (!this.answered && this.waitingForGap()) {
        return;
      }
      await this.pull();
    }
    this.stopGapWait();
    const pending = sendableUpdates(this.host.state);
    const sendable = this.holdSuggestions ? pending.slice(0, this.directCount) : pending;
    if (sendable.length === 0) {
      return;
    }
    const wait = this.holdUntil - Date.now();
    if (wait > 0) {
      // Still held back by the rate limit: come back when the wait is over (timers may fire a little early).
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.schedule(), wait + 1);
      return;
    }
    // A backlog goes in pieces within the hub's limits; the next piece follows once this one is confirmed.
    const count = nextBatchSize(sendable, this.limits);
    if (count === 0) {
      this.onTooLarge();
      return;
    }
    const version = this.version;
    const sent = sendable.slice(0, count);
    let result;
    try {
      result = await this.invoke("Push", this.documentId, version, toWire(sent));
    } catch (error) {
      // The push may have been stored without its answer reaching us: our updates may come back rebased, so
      // they must be confirmed together with what came before them (one pull), never rebased here first.
      this.uncertain = true;
      throw error;
    }
    if (result.accepted) {
      this.serverVersion = Math.max(this.serverVersion, result.version);
      this.failures = 0;
      // Rebased on the server (ADR 0046), the answer brings only our updates in their stored form (ADR 0060): they
      // are applied once the broadcasts held back meanwhile reach them; stored as sent, our updates are the server's.
      if (result.updates) {
        this.answered = { updates: fromWire(result.updates), version: result.version };
      } else if (result.version - sent.length === version) {
        this.receive(sent.map(u => ({ clientID: u.clientID, changes: u.changes })), result.version);
      }
      this.again = true;
      if (this.errorShown) {
        this.errorShown = false;
        this.onSynced();
      }
    } else if (result.retryAfterMilliseconds != null) {
      // Held back by the rate limit: the same pieces go again after the wait, nothing to report.
      const wait = Math.max(10, result.retryAfterMilliseconds);
      this.holdUntil = Date.now() + wait;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.schedule(), wait);
    } else if (result.error == null) {
      // Stale: someone pushed first. Pull, let collab rebase our updates, push again.
      this.serverVersion = Math.max(this.serverVersion, result.version ?? 0);
      await this.pull();
      this.again = true;
    } else {
      this.retryLater(result.error);
    }
  }

  /**
   * Applies the broadcasts received so far, in order. After a rebased push, nothing is applied until the broadcasts
   * cover every update between our version and our own: those and ours then go in one `receiveUpdates`, so that our
   * updates are never rebased here by the editor's rule over updates the server ordered by its own (ADR 0046, 0060).
   */
  async drainInbox() {
    while (!this.disposed) {
      const answered = this.answered;
      if (answered) {
        if (this.version >= answered.version) {
          this.answered = null;
          continue;
        }
        const others = this.inboxUpTo(answered.version - answered.updates.length);
        if (others === null) {
          return;
        }
        this.answered = null;
        this.receive([...fromWire(others), ...answered.updates], answered.version);
        continue;
      }
      if (this.inbox.length === 0) {
        return;
      }
      // In version order: what was applied already goes; what lies after a gap stays until the gap closes or the
      // step pulls (after the gap's wait).
      const { updates, version } = this.inbox[0];
      if (version - updates.length > this.version) {
        return;
      }
      this.inbox.shift();
      if (version > this.version) {
        this.receive(fromWire(updates), version);
      }
    }
  }

  /**
   * True while a gap in the broadcasts may still close by itself: one timer, armed at the synced version; when it
   * rings with nothing applied meanwhile, false (the caller pulls). Progress through part of the gap waits anew.
   */
  waitingForGap() {
    const version = this.version;
    if (this.gapAt === version && this.gapTimer !== null) {
      return true;
    }
    if (this.gapAt === version && this.gapOver) {
      this.gapOver = false;
      return false;
    }
    this.stopGapWait();
    this.gapAt = version;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      this.gapOver = true;
      this.schedule();
    }, this.gapWait);
    return true;
  }

  stopGapWait() {
    clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.gapOver = false;
  }

  /**
   * The received updates after the synced version up to `last`, in order; null while some are missing. Looked up
   * by version, not by arrival: two nodes' broadcasts cross the backplane in either order.
   */
  inboxUpTo(last) {
    const found = [];
    let next = this.version + 1;
    while (next <= last) {
      const entry = this.inbox.find(({ updates, version }) => version >= next && version - updates.length < next);
      if (!entry) {
        return null;
      }
      const start = entry.version - entry.updates.length + 1;
      for (let i = next - start; i < entry.updates.length && next <= last; i++, next++) {
        found.push(entry.updates[i]);
      }
    }
    return found;
  }

  /** Resolves when the next broadcast arrives, or after `milliseconds`. */
  waitForBroadcast(milliseconds) {
    if (this.disposed) {
      return Promise.resolve();
    }
    return new Promise(resolve => {
      const done = () => {
        clearTimeout(timer);
        this.inboxWaiter = null;
        resolve();
      };
      const timer = setTimeout(done, milliseconds);
      this.inboxWaiter = done;
    });
  }

  async pull() {
    const from = this.version;
    const updates = await this.invoke("Pull", this.documentId, from);
    this.receive(fromWire(updates), from + updates.length);
    this.stopGapWait();
    // Everything since our version, a rebased push's own updates included: its answer has nothing left to wait for.
    if (this.answered && this.version >= this.answered.version) {
      this.answered = null;
    }
  }

  /** Applies updates ending at `version`; false when some earlier updates are missing. */
  receive(updates, version) {
    const synced = this.version;
    const start = version - updates.length;
    this.serverVersion = Math.max(this.serverVersion, version);
    if (version <= synced) {
      return true;
    }
    if (start > synced) {
      return false;
    }
    const fresh = updates.slice(synced - start);
    const ownBefore = sendableUpdates(this.host.state).length;
    fresh.forEach((update, index) => {
      this.shadow = update.changes.apply(this.shadow);
      this.history.push({ version: synced + 1 + index, clientID: update.clientID, changes: update.changes });
    });
    if (this.history.length > historyLimit) {
      this.history.splice(0, this.history.length - historyLimit);
    }
    this.host.dispatch(receiveUpdates(this.host.state, fresh));
    const confirmed = ownBefore - sendableUpdates(this.host.state).length;
    this.directCount = Math.max(0, this.directCount - confirmed);
    this.onReceived(fresh);
    return true;
  }

  /** True while some local edit (a suggestion draft too) has not been confirmed by the server. */
  hasPending() {
    return sendableUpdates(this.host.state).length > 0;
  }

  /**
   * The page is being closed (`beforeunload`): pushes what is pending at once, without waiting out the rate
   * limit's hold (the server still decides), and asks the browser to warn while anything is unconfirmed, so that
   * edits held back are neither lost silently nor kept from going out. True when it warned.
   */
  beforeUnload(event) {
    if (this.disposed || !this.hasPending()) {
      return false;
    }
    if (this.holdUntil > Date.now()) {
      this.holdUntil = 0;
      clearTimeout(this.retryTimer);
    }
    this.schedule();
    event.preventDefault();
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = "";
    return true;
  }

  /** The server updates ({clientID, changes}) received after `version`, or null when no longer remembered. */
  updatesSince(version) {
    if (version >= this.version) {
      return [];
    }
    const first = this.history.length ? this.history[0].version : this.version + 1;
    if (version + 1 < first) {
      return null;
    }
    return this.history.filter(h => h.version > version);
  }

  /**
   * The accepted updates from `version` up to the synced version, from memory or from the server;
   * null when the server no longer has them.
   */
  async fetchUpdatesSince(version) {
    const remembered = this.updatesSince(version);
    if (remembered) {
      return remembered;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const pulled = fromWire(await this.invoke("Pull", this.documentId, version));
      const needed = this.version - version;
      if (pulled.length >= needed) {
        return pulled.slice(0, needed);
      }
    }
    return null;
  }

  /** The unconfirmed local edits composed on the synced document, or null. */
  localChanges() {
    return composeUpdates(sendableUpdates(this.host.state));
  }

  /** The suggestion draft: unconfirmed updates made in suggestion mode, composed on the synced document. */
  suggestionDraft() {
    return composeUpdates(sendableUpdates(this.host.state).slice(this.directCount));
  }

  /** Turns the suggestion hold on or off; off turns the draft into direct edits, which are then pushed. */
  setHoldSuggestions(hold) {
    this.holdSuggestions = hold;
    if (!hold) {
      this.directCount = sendableUpdates(this.host.state).length;
      this.schedule();
    }
  }

  /**
   * Sends the draft as a suggestion on the synced version, after the direct edits are acknowledged;
   * on success the draft leaves the editor (the suggestion lives on the server until accepted).
   */
  async sendSuggestion(rebuildState) {
    while (this.directCount > 0 || this.running) {
      if (!this.connected) {
        return { accepted: false, error: null, offline: true };
      }
      this.schedule();
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    const draft = this.suggestionDraft();
    if (!draft || draft.empty) {
      return { accepted: false, error: null, empty: true };
    }
    const result = await this.invoke("Suggest", this.documentId, this.version, draft.toJSON());
    if (result?.accepted) {
      this.dropDraft(rebuildState);
    }
    return result;
  }

  /** Drops every unconfirmed update by rebuilding the state on the server's text (only the draft is left then). */
  dropDraft(rebuildState) {
    this.host.setState(rebuildState(this.shadow.toString(), this.version));
    this.directCount = 0;
    this.onStateRebuilt();
  }

  dispose() {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.stopGapWait();
    this.inboxWaiter?.();
  }
}
