// The application frame: skip link, header with the main menu and search, and the routed page.
import { lazy, Suspense, useEffect, useState } from 'react';
import { anslagStrings } from './features/anslag/strings';
import { justeringStrings } from './features/justering/strings';
import { navigate, searchHref, useRoute } from './router';
import { MeetingWorkspace } from './features/workspace/MeetingWorkspace';
import { Loading } from './components/Status';
import { currentLanguage, setLanguage, t } from './i18n';

// Pages other than the workspace load on demand, so opening a meeting starts with less code.
const BoardList = lazy(() => import('./features/boards/BoardList').then((m) => ({ default: m.BoardList })));
const BoardPage = lazy(() => import('./features/boards/BoardPage').then((m) => ({ default: m.BoardPage })));
const AnslagPage = lazy(() => import('./features/anslag').then((m) => ({ default: m.AnslagPage })));
const JusteringPage = lazy(() => import('./features/justering').then((m) => ({ default: m.JusteringPage })));
const PackagePage = lazy(() => import('./features/justering').then((m) => ({ default: m.PackagePage })));
const SettingsPage = lazy(() => import('./features/justering').then((m) => ({ default: m.SettingsPage })));
const DocumentsPage = lazy(() => import('./features/documents/DocumentsPage').then((m) => ({ default: m.DocumentsPage })));
const SearchPage = lazy(() => import('./features/search/SearchPage').then((m) => ({ default: m.SearchPage })));

export function App() {
  const route = useRoute();
  useEffect(() => {
    if (route.name === 'boards') document.title = `${t('boards.title')} – ${t('app.name')}`;
    else if (route.name === 'search') document.title = `${t('search.title')} – ${t('app.name')}`;
    else if (route.name === 'notFound') document.title = t('app.name');
  }, [route]);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('app.nav.label')}>
          <a href="#/" aria-current={route.name === 'boards' ? 'page' : undefined}>
            {t('app.nav.boards')}
          </a>
          <a href="#/anslag" aria-current={route.name === 'anslag' ? 'page' : undefined}>
            {anslagStrings.navLabel}
          </a>
          <a href="#/underskrift" aria-current={route.name === 'signPackage' ? 'page' : undefined}>
            {justeringStrings.navPackage}
          </a>
          <a href="#/installningar" aria-current={route.name === 'settings' ? 'page' : undefined}>
            {justeringStrings.navSettings}
          </a>
        </nav>
        <HeaderSearch initial={route.name === 'search' ? route.query : ''} />
        <button type="button" className="lang-switch" lang={currentLanguage() === 'sv' ? 'en' : 'sv'} onClick={() => setLanguage(currentLanguage() === 'sv' ? 'en' : 'sv')}>
          {t('app.otherLanguage')}
        </button>
      </header>
      {/* Each page is keyed by what it shows: going to another board, meeting or year starts it
          afresh, so no message of the previous one stays. */}
      <main id="main" tabIndex={-1} className={route.name === 'meeting' ? 'wide' : undefined}>
        <Suspense fallback={<Loading />}>
          {route.name === 'boards' && <BoardList />}
          {route.name === 'board' && <BoardPage key={route.boardId} boardId={route.boardId} />}
          {route.name === 'meeting' && <MeetingWorkspace key={route.meetingId} meetingId={route.meetingId} paragraph={route.paragraph} attendance={route.attendance} query={route.query} />}
          {route.name === 'anslag' && <AnslagPage />}
          {route.name === 'justering' && <JusteringPage key={route.meetingId} meetingId={route.meetingId} />}
          {route.name === 'documents' && <DocumentsPage key={route.meetingId} meetingId={route.meetingId} />}
          {route.name === 'boardDocuments' && <DocumentsPage key={`${route.boardId}:${route.year}`} boardId={route.boardId} year={route.year} />}
          {route.name === 'signPackage' && <PackagePage />}
          {route.name === 'settings' && <SettingsPage />}
          {route.name === 'search' && <SearchPage query={route.query} boardId={route.boardId} />}
        </Suspense>
        {route.name === 'notFound' && (
          <>
            <h1>{t('app.notFound')}</h1>
            <p>
              <a href="#/">{t('app.backToBoards')}</a>
            </p>
          </>
        )}
      </main>
    </>
  );
}

function HeaderSearch({ initial }: { initial: string }) {
  const [q, setQ] = useState(initial);
  useEffect(() => setQ(initial), [initial]);
  return (
    <form
      role="search"
      className="header-search"
      aria-label={t('search.header')}
      onSubmit={(e) => {
        e.preventDefault();
        navigate(searchHref(q.trim()));
      }}
    >
      <label htmlFor="header-search" className="visually-hidden">
        {t('search.header')}
      </label>
      <input id="header-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('search.placeholder')} />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}
