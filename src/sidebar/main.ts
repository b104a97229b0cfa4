/**
 * Sidebar shell: a tab bar (WAI-ARIA tabs, manual activation) and one view at a time in its
 * tab panel. Arrow Left/Right, Home and End move the focus between tabs (roving tabindex),
 * Enter or Space opens the focused tab's view; the focus stays on the tab that was used.
 * Headings: the shell has none; every view starts with exactly one h2 (its title).
 */
import { clear, el } from './dom';
import { tabIndexForKey } from './tabs';
import { SIDEBAR } from '../i18n/fr/sidebar';
import { mountAttendance } from './views/attendance';
import { mountChecks } from './views/checks';
import { mountFollowUp } from './views/follow-up';
import { mountHome } from './views/home';
import { mountJourney } from './views/journey';
import { mountPrivacy } from './views/privacy';
import { mountReport } from './views/report';

import { isSidebarView, SIDEBAR_VIEWS, type SidebarView } from '../shared/views';

export type ViewName = SidebarView;
const VIEWS = SIDEBAR_VIEWS;
const PANEL_ID = 'view';

const tabId = (view: ViewName): string => `tab-${view}`;

function mountView(view: ViewName, panel: HTMLElement, go: (view: ViewName) => void): void {
  if (view === 'attendance') mountAttendance(panel);
  else if (view === 'followUp') mountFollowUp(panel);
  else if (view === 'checks') mountChecks(panel);
  else if (view === 'report') mountReport(panel);
  else if (view === 'journey') mountJourney(panel);
  else if (view === 'privacy') mountPrivacy(panel);
  else mountHome(panel, go);
}

function start(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const initial = app.getAttribute('data-initial-view');
  const tabList = el('div', { class: 'tabs', role: 'tablist', 'aria-label': SIDEBAR.tabsLabel });
  const panel = el('main', { id: PANEL_ID, role: 'tabpanel' });
  let current: ViewName = 'home';

  const tabs = VIEWS.map((v) =>
    el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: tabId(v),
        class: 'tab',
        'aria-controls': PANEL_ID,
        'aria-selected': 'false',
        tabindex: -1,
        'data-view': v,
        onclick: () => show(v, true),
      },
      SIDEBAR.nav[v],
    ),
  );
  tabList.append(...tabs);
  tabList.addEventListener('keydown', (ev) => {
    const index = tabs.indexOf(ev.target as HTMLButtonElement);
    if (index < 0) return;
    const next = tabIndexForKey(ev.key, index, tabs.length);
    if (next === null) return;
    ev.preventDefault();
    for (const t of tabs) t.tabIndex = -1;
    tabs[next].tabIndex = 0;
    tabs[next].focus();
  });
  app.append(tabList, panel);

  /** Opens a view; `focusTab`: the focus goes to (stays on) that view's tab. */
  function show(view: ViewName, focusTab: boolean): void {
    current = view;
    tabs.forEach((t, i) => {
      const selected = VIEWS[i] === view;
      t.setAttribute('aria-selected', selected ? 'true' : 'false');
      t.tabIndex = selected ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', tabId(view));
    panel.setAttribute('data-view', view);
    clear(panel);
    mountView(view, panel, (v) => show(v, true));
    if (focusTab) tabs[VIEWS.indexOf(current)].focus();
  }

  show(isSidebarView(initial) ? initial : 'home', false);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
