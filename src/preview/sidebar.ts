/**
 * The real sidebar (dist/Sidebar.html) as the preview serves it: the initial view set like
 * AppsScriptUi.showSidebar does, and a `google.script.run` shim injected before the page's
 * own scripts. The shim posts each call to the preview server, which runs the same server
 * function over the in-memory workbook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SidebarView } from '../app/ports';
import { PREVIEW } from '../i18n/fr/preview';

export class SidebarMissingError extends Error {}

/** The shim: google.script.run (withSuccessHandler/withFailureHandler/withUserObject chains) and google.script.host. */
export function scriptRunShim(offlineMessage: string): string {
  return `(function () {
  'use strict';
  var OFFLINE = ${JSON.stringify(offlineMessage)};
  function notify(type, dialog) {
    try { window.parent.postMessage({ source: 'apercu-sidebar', type: type, dialog: dialog || null }, window.location.origin); }
    catch (e) {
      // The page only misses a refresh; the console gets the kind and stack, never the message.
      console.warn('[aperçu] ' + (e instanceof Error ? e.name + '\\n' + String(e.stack || '').split('\\n').slice(1).join('\\n') : typeof e));
    }
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_target, prop) {
        if (prop === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (prop === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (prop === 'withUserObject') return function (o) { return runner(success, failure, o); };
        if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/run', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: prop, args: args })
          }).then(function (r) { return r.json(); }).then(function (r) {
            notify('changed');
            if (r && r.ok && r.dialog) notify('dialog', r.dialog);
            if (r && r.ok) { if (success) success(r.value, userObject); }
            else if (failure) failure(new Error((r && r.message) || OFFLINE), userObject);
          }, function () {
            if (failure) failure(new Error(OFFLINE), userObject);
          });
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: window.location.origin,
      close: function () { notify('close'); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} }
    }
  };
})();`;
}

/** dist/Sidebar.html with the shim and the initial view. */
export function sidebarHtml(root: string, view: SidebarView): string {
  let html: string;
  try {
    html = readFileSync(join(root, 'dist', 'Sidebar.html'), 'utf8');
  } catch {
    // Not built yet (or unreadable): the preview says to build it (npm run build); nothing else is lost.
    throw new SidebarMissingError(PREVIEW.sidebarMissing);
  }
  return withScriptRunShim(html.replace('data-initial-view="home"', `data-initial-view="${view}"`));
}

/** An HTML page (the sidebar, a dialog) with the google.script.run shim before its own scripts. */
export function withScriptRunShim(html: string): string {
  const shim = `<script>\n${scriptRunShim(PREVIEW.page.offline)}\n</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return `${html.slice(0, head.index + head[0].length)}\n${shim}${html.slice(head.index + head[0].length)}`;
  return shim + html;
}
