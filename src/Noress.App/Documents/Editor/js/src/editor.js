// The collaborative markdown editor of NORESS documents, mounted by CollaborativeEditor.razor.
// Protocol: docs in DOCS-CONTRACT (DocumentHub at /hubs/documents, @codemirror/collab model).
import { collab, getClientID, sendableUpdates } from "./collab.js";
import { markdown } from "@codemirror/lang-markdown";
import { Compartment, EditorState, RangeSetBuilder, Transaction } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin } from "@codemirror/view";
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { basicSetup } from "codemirror";
import { lineDirection } from "./direction.js";
import { findPending, rebasePending, removePending, savePending } from "./pending.js";
import { clearRemotePresence, remotePresence, removeRemotePresence, setRemotePresence } from "./presence.js";
import { syncedSelection } from "./selection.js";
import { setTrackedSuggestions, trackedSuggestions } from "./suggestions.js";
import { CollabSync, fromWire, hubErrorMessage } from "./sync.js";
import { exceedsLimits } from "./limits.js";
import { placeSuggestions } from "./tracked.js";

const rights = { None: 0, Read: 1, Comment: 2, Suggest: 3, Edit: 4 };
const rtlLine = Decoration.line({ attributes: { dir: "rtl" } });
const ltrLine = Decoration.line({ attributes: { dir: "ltr" } });

// Each line gets the direction of its first letter, like dir="auto" does for a paragraph, so French
// and Arabic lines of one document each read and align the right way (perLineTextDirection makes
// CodeMirror's cursor motion follow it).
const lineDirections = ViewPlugin.fromClass(class {
  constructor(view) {
    this.decorations = buildLineDirections(view);
  }

  update(update) {
    if (update.docChanged || update.viewportChanged) {
      this.decorations = buildLineDirections(update.view);
    }
  }
}, { decorations: plugin => plugin.decorations });

function buildLineDirections(view) {
  const builder = new RangeSetBuilder();
  let last = -1;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      if (line.from > last) {
        const direction = lineDirection(line.text);
        if (direction) {
          builder.add(line.from, line.from, direction === "rtl" ? rtlLine : ltrLine);
        }
        last = line.from;
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const editorTheme = EditorView.theme({
  "&": { minHeight: "60vh", border: "1px solid var(--mud-palette-lines-default, #ddd)", borderRadius: "4px" },
  "&.cm-focused": { outline: "2px solid var(--mud-palette-primary, #1976d2)" },
  ".cm-scroller": { minHeight: "60vh", fontFamily: "inherit", lineHeight: "1.6" },
  "&.cm-suggesting": { backgroundColor: "color-mix(in srgb, var(--mud-palette-secondary, #ff4081) 6%, transparent)" },
});

function throttle(action, delay) {
  let timer = null;
  const throttled = () => {
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        action();
      }, delay);
    }
  };
  throttled.flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
      action();
    }
  };
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return throttled;
}

// Retries for ever: after a crash the server comes back on the same address, however long it takes.
const reconnectDelay = context => Math.min(5000, 250 * 2 ** Math.min(context.previousRetryCount, 5));

class CollaborativeEditor {
  constructor(element, dotNet, options, statusElement) {
    this.element = element;
    this.dotNet = dotNet;
    this.statusElement = statusElement ?? null;
    this.texts = options.texts ?? {};
    this.limits = null;
    this.documentId = String(options.documentId).toLowerCase();
    this.label = options.label ?? "";
    this.suggestionTitle = options.suggestionTitle ?? "{0}";
    this.suggestions = [];
    this.suggestionsDeferred = false;
    this.wantSuggestions = options.suggestionMode === true;
    this.storage = globalThis.localStorage;
    this.right = rights.None;
    this.disposed = false;
    this.people = new Map();
    this.deferredPresence = new Map();
    this.recovered = [];
    this.hadDraft = false;
    this.editable = new Compartment();
    this.mode = new Compartment();
    // The hub's keep-alive and the server timeout (ADR 0010): a server killed without closing its sockets is
    // noticed within the timeout, and the connection reconnects by itself.
    const builder = new HubConnectionBuilder()
      .withUrl(options.hubUrl ?? "/hubs/documents")
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: reconnectDelay })
      .configureLogging(LogLevel.None);
    if (options.keepAliveMilliseconds > 0) {
      builder.withKeepAliveInterval(options.keepAliveMilliseconds);
    }
    if (options.serverTimeoutMilliseconds > 0) {
      builder.withServerTimeout(options.serverTimeoutMilliseconds);
    }
    this.connection = builder.build();
    this.connection.on("Updates", (documentId, updates, version) => {
      if (this.isThisDocument(documentId)) {
        this.sync?.enqueue(updates, version);
      }
    });
    this.connection.on("PresenceChanged", (documentId, presence) => {
      if (this.isThisDocument(documentId)) {
        this.acceptPresence(presence);
      }
    });
    this.connection.on("PresenceLeft", (documentId, connectionId) => {
      if (this.isThisDocument(documentId)) {
        this.forgetPresence(connectionId);
      }
    });
    this.connection.on("AnnotationsChanged", documentId => {
      if (this.isThisDocument(documentId)) {
        this.refreshSuggestions();
        this.notify("OnAnnotationsChanged");
      }
    });
    this.connection.on("RightsChanged", documentId => {
      if (this.isThisDocument(documentId)) {
        this.rejoin();
      }
    });
    this.connection.onreconnecting(() => {
      this.sync?.setConnected(false);
      this.setStatus("reconnecting");
    });
    this.connection.onreconnected(() => this.rejoin());
    this.connection.onclose(() => this.restartLater(1000));
    this.sendPresence = throttle(() => this.publishPresence(), 150);
    this.savePending = throttle(() => this.writePending(), 250);
    this.textChanged = throttle(() => this.notify("OnTextChanged"), 400);
    this.onPageHide = () => this.writePending();
    // Closing the tab with edits still unconfirmed (held back by the rate limit, or on their way): push them now,
    // keep them in local storage, and let the browser ask whether to leave.
    this.onBeforeUnload = event => {
      if (this.sync?.beforeUnload(event)) {
        this.writePending();
      }
    };
  }

  isThisDocument(documentId) {
    return String(documentId).toLowerCase() === this.documentId;
  }

  notify(method, ...args) {
    if (this.disposed) {
      return;
    }
    try {
      this.dotNet.invokeMethodAsync(method, ...args).catch(() => {
        // The component is gone (page left, or its circuit died with the server): nothing to tell.
      });
    } catch {
      // Same, when the dead circuit refuses the call at once: the editor goes on with its own connection.
    }
  }

  /**
   * Shows the connection state. The editor writes it itself: the page's circuit dies with the server that
   * the editor is waiting for, so a state sent to .NET would never be shown during an outage.
   */
  setStatus(state) {
    this.status = state;
    if (this.statusElement) {
      this.statusElement.dataset.state = state;
      this.statusElement.textContent = this.texts[state] ?? state;
    }
    this.notify("OnConnectionChanged", state);
  }

  /** Shows a problem; when the page's circuit is gone the message still shows, in the editor's own status line. */
  showError(message) {
    if (this.statusElement) {
      this.statusElement.title = message ?? this.texts.syncFailed ?? "";
    }
    this.notify("OnError", message ?? null);
  }

  async start() {
    this.setStatus("connecting");
    await this.connection.start();
    const snapshot = await this.connection.invoke("Join", this.documentId);
    this.right = rights[snapshot.right] ?? rights.None;
    this.limits = snapshot.limits ?? null;
    globalThis.addEventListener?.("pagehide", this.onPageHide);
    globalThis.addEventListener?.("beforeunload", this.onBeforeUnload);
    this.notify("OnJoined", JSON.stringify({ title: snapshot.title, right: snapshot.right, version: snapshot.version, userName: snapshot.userName, color: snapshot.color }));
    this.startFromSnapshot(snapshot);
  }

  createState(text, version) {
    return EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        markdown(),
        EditorView.lineWrapping,
        editorTheme,
        EditorView.perLineTextDirection.of(true),
        lineDirections,
        remotePresence(),
        trackedSuggestions(this.suggestionTitle),
        collab({ startVersion: version, clientID: this.clientId }),
        this.editable.of(this.editableExtensions()),
        this.mode.of(this.modeExtensions()),
        EditorView.contentAttributes.of({ "aria-label": this.label, "data-testid": "editor-content" }),
        EditorView.updateListener.of(update => this.onUpdate(update)),
        EditorState.transactionFilter.of(tr => this.withinLimits(tr)),
      ],
    });
  }

  // An edit the hub would refuse (a paste over the largest document or update) is refused here, with a
  // message, rather than left unsendable in the backlog.
  withinLimits(tr) {
    if (!tr.docChanged || tr.annotation(Transaction.remote) || !exceedsLimits(tr, this.limits)) {
      return tr;
    }
    this.showError(this.texts.tooLarge ?? null);
    return [];
  }

  get suggesting() {
    return this.right === rights.Suggest || (this.right >= rights.Edit && this.wantSuggestions);
  }

  editableExtensions() {
    const canType = this.right >= rights.Edit || this.suggesting;
    return [EditorView.editable.of(canType), EditorState.readOnly.of(!canType)];
  }

  modeExtensions() {
    return this.suggesting ? EditorView.editorAttributes.of({ class: "cm-suggesting" }) : [];
  }

  applySuggestionMode() {
    this.sync.setHoldSuggestions(this.suggesting);
    this.view.dispatch({ effects: [this.editable.reconfigure(this.editableExtensions()), this.mode.reconfigure(this.modeExtensions())] });
    this.reportDraft();
  }

  onUpdate(update) {
    if (!this.sync) {
      return;
    }
    const local = update.transactions.some(tr => tr.docChanged && !tr.annotation(Transaction.remote));
    if (local) {
      this.sync.localChanged();
    }
    if (sendableUpdates(update.state) !== sendableUpdates(update.startState)) {
      this.savePending();
      this.reportDraft();
    }
    if (update.docChanged) {
      this.textChanged();
    }
    if (local || update.selectionSet) {
      this.sendPresence();
    }
  }

  reportDraft() {
    const hasDraft = this.suggesting && this.sync.suggestionDraft() !== null;
    if (hasDraft !== this.hadDraft) {
      this.hadDraft = hasDraft;
      this.notify("OnSuggestionDraftChanged", hasDraft);
    }
  }

  writePending() {
    if (this.sync && this.clientId) {
      savePending(this.storage, this.documentId, this.clientId, this.sync.version, sendableUpdates(this.view.state).map(u => u.changes));
    }
  }

  notifyRecovered() {
    const count = this.recovered.reduce((sum, entry) => sum + entry.changes.length, 0);
    this.notify("OnUnacknowledgedEdits", count);
  }

  async rejoin() {
    if (this.disposed) {
      return;
    }
    try {
      const snapshot = await this.connection.invoke("Join", this.documentId);
      this.right = rights[snapshot.right] ?? rights.None;
      this.limits = snapshot.limits ?? this.limits;
      this.notify("OnJoined", JSON.stringify({ title: snapshot.title, right: snapshot.right, version: snapshot.version, userName: snapshot.userName, color: snapshot.color }));
      this.view.dispatch({ effects: clearRemotePresence.of(null) });
      this.people.clear();
      this.deferredPresence.clear();
      this.reportPeople();
      if (snapshot.version < this.sync.version) {
        // The server is behind what it acknowledged to us: start again from its text; our own
        // unconfirmed edits stay in local storage and are offered back.
        this.writePending();
        this.sync.dispose();
        this.view.destroy();
        this.element.replaceChildren();
        this.sync = null;
        this.startFromSnapshot(snapshot);
        return;
      }
      this.sync.limits = this.limits;
      this.applySuggestionMode();
      // Back at our version: pull what was missed, then push the pending edits (in pieces).
      this.sync.setConnected(true, snapshot.version);
      for (const presence of snapshot.presence ?? []) {
        this.acceptPresence(presence);
      }
      this.setStatus("connected");
      this.publishPresence();
      this.refreshSuggestions();
    } catch (error) {
      const refusal = hubErrorMessage(error);
      if (refusal !== null && this.connection.state === "Connected") {
        // Refused: the right was withdrawn or the document is gone. Say so, stop typing, no retry loop.
        this.right = rights.None;
        this.applySuggestionMode();
        this.showError(refusal);
        return;
      }
      if (this.connection.state === "Connected") {
        // The connection was back but the join did not get through: try the join again.
        clearTimeout(this.restartTimer);
        this.restartTimer = setTimeout(() => this.rejoin(), 2000);
        return;
      }
      this.restartLater(2000);
    }
  }

  startFromSnapshot(snapshot) {
    // A fresh client id per editor state: it names this instance's entry in local storage too.
    this.clientId = Math.floor(Math.random() * 2 ** 48).toString(36);
    this.view = new EditorView({ parent: this.element, state: this.createState(snapshot.text, snapshot.version) });
    this.sync = new CollabSync({
      host: this.view,
      documentId: this.documentId,
      invoke: (method, ...args) => this.connection.invoke(method, ...args),
      text: snapshot.text,
      limits: this.limits,
      onError: message => this.showError(message),
      onSynced: () => {
        if (this.statusElement) {
          this.statusElement.title = "";
        }
        this.notify("OnSynced");
      },
      onTooLarge: () => this.showError(this.texts.tooLarge ?? null),
      onReceived: () => {
        this.resolveDeferredPresence();
        if (this.suggestionsDeferred) {
          this.showSuggestions();
        }
      },
      onStateRebuilt: () => {
        this.reapplyPresence();
        this.showSuggestions();
      },
    });
    this.sync.setConnected(true, snapshot.version);
    this.applySuggestionMode();
    for (const presence of snapshot.presence ?? []) {
      this.acceptPresence(presence);
    }
    this.recovered = findPending(this.storage, this.documentId, this.clientId);
    this.notifyRecovered();
    this.notify("OnTextChanged");
    this.setStatus("connected");
    this.publishPresence();
    this.refreshSuggestions();
  }

  // Tracked changes: the hub lists pending suggestions (mapped to its current version); the editor
  // places them in its own document and the editor state keeps them in place as edits arrive.
  async refreshSuggestions() {
    if (!this.sync || this.connection.state !== "Connected") {
      return;
    }
    try {
      this.suggestions = await this.connection.invoke("Suggestions", this.documentId);
    } catch {
      // Tracked changes are a view: the next change of annotations or reconnect lists them again.
      return;
    }
    this.showSuggestions();
  }

  showSuggestions() {
    if (!this.sync || !this.view) {
      return;
    }
    const { placed, deferred } = placeSuggestions(this.suggestions, {
      version: this.sync.version,
      updatesSince: version => this.sync.updatesSince(version),
      local: this.sync.localChanges(),
    });
    const length = this.view.state.doc.length;
    const fits = placed.filter(s => s.ranges.every(r => r.from >= 0 && r.to <= length && r.from <= r.to));
    // Suggestions listed on a version not received yet are placed once its updates arrive.
    this.suggestionsDeferred = deferred.length > 0;
    this.view.dispatch({ effects: setTrackedSuggestions.of(fits) });
  }

  restartLater(delay) {
    if (this.disposed) {
      return;
    }
    this.sync?.setConnected(false);
    this.setStatus("disconnected");
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(async () => {
      if (this.disposed || this.connection.state !== "Disconnected") {
        return;
      }
      try {
        await this.connection.start();
        await this.rejoin();
      } catch {
        this.restartLater(Math.min(delay * 2, 15000));
      }
    }, delay);
  }

  // Presence: the hub speaks in positions of the synced version; the editor shows the current document.
  publishPresence() {
    if (!this.sync || this.connection.state !== "Connected") {
      return;
    }
    const { anchor, head } = this.view.state.selection.main;
    const local = this.sync.localChanges();
    const back = local ? local.invertedDesc : null;
    const toSynced = pos => (back ? back.mapPos(pos, -1) : pos);
    this.connection.invoke("UpdatePresence", this.documentId, this.sync.version, toSynced(anchor), toSynced(head)).catch(() => {
      // Presence is best effort; the next selection change sends it again.
    });
  }

  acceptPresence(presence) {
    if (!presence || presence.connectionId === this.connection.connectionId) {
      return;
    }
    const known = this.people.get(presence.connectionId);
    this.people.set(presence.connectionId, presence);
    if (!known || known.userName !== presence.userName || known.color !== presence.color) {
      this.reportPeople();
    }
    this.showPresence(presence);
  }

  showPresence(presence) {
    if (!this.sync) {
      return;
    }
    if (presence.version > this.sync.version) {
      // Sent on a version not received yet: shown once the updates arrive.
      this.deferredPresence.set(presence.connectionId, presence);
      return;
    }
    this.deferredPresence.delete(presence.connectionId);
    const since = this.sync.updatesSince(presence.version) ?? [];
    const local = this.sync.localChanges();
    const toCurrent = pos => {
      for (const update of since) {
        pos = update.changes.mapPos(pos, 1);
      }
      return local ? local.mapPos(pos, 1) : pos;
    };
    const length = this.view.state.doc.length;
    this.view.dispatch({
      effects: setRemotePresence.of({
        id: presence.connectionId,
        name: presence.userName,
        color: presence.color,
        anchor: Math.min(toCurrent(presence.anchor), length),
        head: Math.min(toCurrent(presence.head), length),
      }),
    });
  }

  resolveDeferredPresence() {
    for (const presence of [...this.deferredPresence.values()]) {
      if (presence.version <= this.sync.version) {
        this.showPresence(presence);
      }
    }
  }

  reapplyPresence() {
    for (const presence of this.people.values()) {
      this.showPresence(presence);
    }
  }

  forgetPresence(connectionId) {
    this.deferredPresence.delete(connectionId);
    if (this.people.delete(connectionId)) {
      this.view?.dispatch({ effects: removeRemotePresence.of(connectionId) });
      this.reportPeople();
    }
  }

  reportPeople() {
    // As JSON text: .NET reads it with its own options, the circuit keeps no metadata for it (ADR 0062).
    this.notify("OnPresenceChanged", JSON.stringify([...this.people.values()].map(p => ({ connectionId: p.connectionId, userName: p.userName, color: p.color }))));
  }

  setSuggestionMode(on) {
    this.wantSuggestions = on === true;
    if (this.sync) {
      this.applySuggestionMode();
    }
  }

  rebuild = (text, version) => this.createState(text, version);

  async sendSuggestion() {
    const result = await this.sync.sendSuggestion(this.rebuild);
    this.reportDraft();
    return { accepted: result?.accepted === true, error: result?.error ?? null };
  }

  async discardSuggestion() {
    while (this.sync.directCount > 0 && this.sync.connected) {
      this.sync.schedule();
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    if (this.sync.directCount === 0) {
      this.sync.dropDraft(this.rebuild);
      this.applySuggestionMode();
    }
    this.reportDraft();
  }

  async restorePending() {
    let restored = 0;
    for (const entry of this.recovered) {
      if (entry.version > this.sync.version) {
        continue;
      }
      const over = await this.sync.fetchUpdatesSince(entry.version);
      if (!over) {
        continue;
      }
      const changes = rebasePending(entry, over, this.sync.localChanges());
      if (changes) {
        this.view.dispatch({ changes, userEvent: "input.restore" });
        restored++;
      }
    }
    this.discardPending();
    return restored;
  }

  discardPending() {
    removePending(this.storage, this.recovered.map(entry => entry.key));
    this.recovered = [];
    this.notifyRecovered();
  }

  async dispose() {
    this.writePending();
    this.disposed = true;
    this.sendPresence.cancel();
    this.savePending.cancel();
    this.textChanged.cancel();
    clearTimeout(this.restartTimer);
    globalThis.removeEventListener?.("pagehide", this.onPageHide);
    globalThis.removeEventListener?.("beforeunload", this.onBeforeUnload);
    this.sync?.dispose();
    try {
      if (this.connection.state === "Connected") {
        await this.connection.invoke("Leave", this.documentId);
      }
    } catch {
      // Leaving is a courtesy: the hub drops the connection's presence when it closes anyway.
    }
    await this.connection.stop();
    this.view?.destroy();
  }
}

const editors = new Map();
let nextHandle = 1;

function editorOf(handle) {
  const editor = editors.get(handle);
  if (!editor) {
    throw new Error(`No editor ${handle}`);
  }
  return editor;
}

/**
 * Mounts an editor in `element`; options (an object or its JSON text, as .NET sends it): {documentId, hubUrl?,
 * suggestionMode?, label?, texts?, keepAliveMilliseconds?, serverTimeoutMilliseconds?}; `statusElement` shows the
 * connection state. Returns a handle.
 */
export async function mount(element, dotNetRef, options, statusElement) {
  const settings = typeof options === "string" ? JSON.parse(options) : options;
  const editor = new CollaborativeEditor(element, dotNetRef, settings, statusElement);
  const handle = nextHandle++;
  editors.set(handle, editor);
  try {
    await editor.start();
  } catch (error) {
    editors.delete(handle);
    await editor.dispose();
    throw error;
  }
  return handle;
}

export async function dispose(handle) {
  const editor = editors.get(handle);
  if (editor) {
    editors.delete(handle);
    await editor.dispose();
  }
}

export function getText(handle) {
  return editorOf(handle).view.state.doc.toString();
}

/** The text as UTF-8 bytes, for .NET to read as a stream (a large document exceeds one circuit message). */
export function getTextBytes(handle) {
  return new TextEncoder().encode(getText(handle));
}

export function setSuggestionMode(handle, on) {
  editorOf(handle).setSuggestionMode(on);
}

export function sendSuggestion(handle) {
  return editorOf(handle).sendSuggestion();
}

export function discardSuggestion(handle) {
  return editorOf(handle).discardSuggestion();
}

export function restorePending(handle) {
  return editorOf(handle).restorePending();
}

export function discardPending(handle) {
  editorOf(handle).discardPending();
}

/** The main selection as {from, to, version}, positions in the text of the version the server acknowledged. */
export function getSelection(handle) {
  return syncedSelection(editorOf(handle).view.state);
}

export function clientIdOf(handle) {
  return getClientID(editorOf(handle).view.state);
}

export { fromWire };
