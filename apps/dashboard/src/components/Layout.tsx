import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';

const NAV_ITEMS = [
  { to: '/', label: 'Accueil', end: true },
  { to: '/dispositifs', label: 'Dispositifs', end: false },
  { to: '/comparaison', label: 'Comparaison', end: false },
  { to: '/conventions', label: 'Conventions', end: false },
  { to: '/ecarts', label: 'Écarts relevés', end: false },
];

/** The page frame: skip link, header, main navigation, `<main id="contenu">`, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname, search } = useLocation();
  const firstRender = useRef(true);

  // After a client-side navigation, move the focus to the new content (as a page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      {/* The page's own address before the fragment: `<base href="/">` resolves a bare `#contenu` against the home page. */}
      <a className="skip-link" href={`${pathname}${search}#contenu`}>
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <p className="site-title">
            <Link to="/">Indicateurs des conventions — SDAT / Dijon Métropole</Link>
          </p>
          <nav aria-label="Navigation principale">
            <ul className="main-nav">
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <li>
                <a href="/api/docs">Documentation de l'API</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="contenu" ref={mainRef} tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            Indicateurs des conventions d'action sociale — SDAT / Dijon Métropole. Les montants sont ceux des
            documents signés : ils ne sont jamais corrigés, les écarts constatés sont signalés.
          </p>
        </div>
      </footer>
    </>
  );
}
