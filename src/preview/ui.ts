/**
 * The preview's UiPort. Apps Script's prompt/confirm block the script until the user answers;
 * over HTTP they are implemented by REPLAY: a menu handler runs with a queue of answers; when
 * it asks a question that has no answer yet, the run stops (NeedInput), the workbook is put
 * back as it was, and the question goes to the page. The page asks the user and posts the
 * handler again with one more answer. Alerts and sidebars are collected and returned.
 */
import type { SidebarView, UiPort } from '../app/ports';

export type Question =
  | { kind: 'prompt'; title: string; message: string; defaultValue: string | null }
  | { kind: 'confirm'; title: string; message: string };

export type Answer = string | boolean | null;

/** Thrown inside a handler when it asks a question the queue does not answer. */
export class NeedInput extends Error {
  constructor(readonly question: Question) {
    super('NeedInput');
  }
}

/** A dialog a handler showed (SPEC §12 documents): its title, its HTML and its size. */
export interface PreviewDialog {
  title: string;
  html: string;
  width: number;
  height: number;
}

export interface UiEvent {
  kind: 'alert' | 'toast' | 'sidebar' | 'dialog';
  text: string;
  /** For a dialog: what to show. */
  dialog?: PreviewDialog;
  /** Number of answers consumed when the event happened. */
  after: number;
}

export class PreviewUi implements UiPort {
  readonly events: UiEvent[] = [];
  private consumed = 0;
  /**
   * The unanswered question that stopped the run. Handlers often catch every error to show
   * it in an alert: once a question is pending, the rest of the run is ignored (its alerts
   * would only report the NeedInput signal) and the caller checks `pending`.
   */
  pending: Question | null = null;

  constructor(private readonly answers: readonly Answer[] = []) {}

  private next(question: Question): Answer {
    if (this.pending) throw new NeedInput(this.pending);
    if (this.consumed >= this.answers.length) {
      this.pending = question;
      throw new NeedInput(question);
    }
    return this.answers[this.consumed++];
  }

  private push(kind: UiEvent['kind'], text: string, dialog?: PreviewDialog): void {
    if (this.pending) return;
    this.events.push({ kind, text, after: this.consumed, ...(dialog ? { dialog } : {}) });
  }

  showDialog(html: string, title: string, size: { width: number; height: number }): void {
    this.push('dialog', String(title), { title: String(title), html: String(html), width: size.width, height: size.height });
  }

  /** The last dialog shown among `events`, or null (a new modal dialog replaces the previous one). */
  static lastDialog(events: readonly UiEvent[]): PreviewDialog | null {
    for (let i = events.length - 1; i >= 0; i--) if (events[i].dialog) return events[i].dialog ?? null;
    return null;
  }

  showSidebar(view: SidebarView): void {
    this.push('sidebar', view);
  }

  alert(message: string): void {
    this.push('alert', String(message));
  }

  toast(message: string): void {
    this.push('toast', String(message));
  }

  isInterruption(e: unknown): boolean {
    return e instanceof NeedInput;
  }

  prompt(title: string, message: string, defaultValue?: string): string | null {
    const a = this.next({ kind: 'prompt', title: String(title), message: String(message), defaultValue: defaultValue ?? null });
    return typeof a === 'string' ? a : null;
  }

  confirm(title: string, message: string): boolean {
    return this.next({ kind: 'confirm', title: String(title), message: String(message) }) === true;
  }

  /**
   * Events the user has not seen yet: those after the last given answer (earlier ones were
   * returned by the previous rounds of the replay).
   */
  freshEvents(): UiEvent[] {
    return this.events.filter((e) => e.after >= this.answers.length);
  }
}
