import type { SessionUser } from '@sdat/api-types';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { homePathFor, navItemsFor } from '../auth/access';
import { useAuth, useSessionUser } from '../auth/AuthProvider';
import { errorMessage } from './QueryResult';
import { DemoModeBanner } from './DemoBanner';
import { PresentationToggle } from '../presentation-mode';

/** Name, organisation and role of the signed-in user, and the sign-out button. */
function UserMenu({ user }: { user: SessionUser }) {
  const { signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      // The page then sends the signed-out visitor to the login page.
      await signOut();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="user-menu__name">{user.displayName}</span>
        <span className="user-menu__details">
          {user.organisation.name} — {user.roleLabel}
        </span>
      </p>
      <button type="button" className="button button--secondary" onClick={() => void onSignOut()} disabled={busy}>
        Se déconnecter
      </button>
      {error !== null && (
        <p className="user-menu__error" role="alert">
          La déconnexion a échoué : {error}
        </p>
      )}
    </div>
  );
}

/**
 * The page frame: skip link, header (title, signed-in user, main navigation for the role),
 * demo-mode banner, `<main id="contenu">`, footer.
 */
export function Layout({ children }: { children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname, search } = useLocation();
  const firstRender = useRef(true);
  const user = useSessionUser();

  // After a client-side navigation, move the focus to the new content (as a page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const items = user === null ? [] : navItemsFor(user.role);

  return (
    <>
      {/* The page's own address before the fragment: `<base href="/">` resolves a bare `#contenu` against the home page. */}
      <a className="skip-link" href={`${pathname}${search}#contenu`}>
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <p className="site-title">
            <Link to={user === null ? '/connexion' : homePathFor(user.role)}>Indicateurs des conventions — SDAT / Dijon Métropole</Link>
          </p>
          <div className="site-header__tools">
            <PresentationToggle />
            {user !== null && <UserMenu user={user} />}
          </div>
        </div>
        {items.length > 0 && (
          <div className="container">
            <nav aria-label="Navigation principale">
              <ul className="main-nav">
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        )}
      </header>
      <main id="contenu" ref={mainRef} tabIndex={-1} className="container">
        {user?.demoMode === true && <DemoModeBanner />}
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            Indicateurs des conventions d'action sociale — SDAT / Dijon Métropole. Les montants sont ceux des
            documents signés : ils ne sont jamais corrigés, les écarts constatés sont signalés.
          </p>
          <p>
            <a href="/api/docs">Documentation de l'API</a>
          </p>
        </div>
      </footer>
    </>
  );
}
