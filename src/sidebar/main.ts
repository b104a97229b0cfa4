/** Sidebar shell: a tab bar and one view at a time. */
import { clear, el } from './dom';
import { SIDEBAR } from '../i18n/fr/sidebar';
import { mountAttendance } from './views/attendance';
import { mountChecks } from './views/checks';
import { mountHome } from './views/home';
import { mountJourney } from './views/journey';
import { mountReport } from './views/report';

import { isSidebarView, SIDEBAR_VIEWS, type SidebarView } from '../shared/views';

export type ViewName = SidebarView;
const VIEWS = SIDEBAR_VIEWS;

function start(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const initial = app.getAttribute('data-initial-view');
  const nav = el('nav', { class: 'tabs', 'aria-label': 'Vues' });
  const main = el('main', { id: 'view' });
  app.append(nav, main);

  const show = (view: ViewName): void => {
    clear(nav);
    for (const v of VIEWS) {
      nav.append(
        el(
          'button',
          { type: 'button', class: v === view ? 'tab active' : 'tab', 'aria-current': v === view ? 'page' : null, onclick: () => show(v) },
          SIDEBAR.nav[v],
        ),
      );
    }
    clear(main);
    if (view === 'attendance') mountAttendance(main);
    else if (view === 'checks') mountChecks(main);
    else if (view === 'report') mountReport(main);
    else if (view === 'journey') mountJourney(main);
    else mountHome(main, show);
  };
  show(isSidebarView(initial) ? initial : 'home');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
