// The application frame: skip link, header with the main menu, and the routed page.
import { useEffect } from 'react';
import { useRoute } from './router';
import { BoardList } from './features/boards/BoardList';
import { MeetingPage } from './features/meeting/MeetingPage';
import { t } from './i18n';

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = route.name === 'boards' ? `${t('boards.title')} – ${t('app.name')}` : t('app.name');
  }, [route]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('app.nav.label')}>
          <a href="#/" aria-current={route.name === 'boards' ? 'page' : undefined}>
            {t('app.nav.boards')}
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'boards' && <BoardList />}
        {route.name === 'meeting' && <MeetingPage meetingId={route.meetingId} paragraph={route.paragraph} />}
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
