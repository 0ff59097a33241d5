import type { DemoAccountView } from '@sdat/api-types';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useSearchParams, type Location } from 'react-router-dom';
import { ApiError } from '../api/api-fetch';
import { oidcLoginUrl, useAuthConfig, useDemoAccounts } from '../api/auth';
import { homePathFor } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { DemoModeBanner } from '../components/DemoBanner';
import { errorMessage } from '../components/QueryResult';
import { useDocumentTitle } from '../use-document-title';

export const LOGIN_PATH = '/connexion';

/** What the pages give the login page when they send a signed-out visitor to it. */
export interface LoginLocationState {
  /** Where the user was going: they are brought back there once signed in. */
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

/** The address to go to once signed in: where the user was going, else the home page of the role. */
export function returnPath(state: LoginLocationState | null | undefined, fallback: string): string {
  const from = state?.from;
  if (from === undefined || from.pathname === LOGIN_PATH || !from.pathname.startsWith('/')) {
    return fallback;
  }
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

/**
 * What the API's OIDC callback means when it sends the user back here with `?erreur=<code>`
 * (apps/api/src/auth/oidc/oidc.service.ts, `OidcErrorCode`).
 */
const OIDC_ERRORS: Record<string, string> = {
  'compte-inconnu':
    'Aucun compte de la plateforme ne correspond à cette identité. Demandez à l’administrateur de la plateforme de vous créer un compte à votre adresse électronique.',
  'compte-desactive': 'Votre compte est désactivé : contactez l’administrateur de la plateforme.',
  'compte-deja-associe':
    'Ce compte est déjà associé à une autre identité du fournisseur d’identité : contactez l’administrateur de la plateforme.',
  'connexion-expiree': 'La connexion a expiré ou a été interrompue : recommencez.',
  'refus-fournisseur': 'Le fournisseur d’identité n’a pas autorisé la connexion.',
  'fournisseur-indisponible':
    'Le fournisseur d’identité ne répond pas : réessayez dans quelques minutes ou connectez-vous avec votre mot de passe.',
  echec: 'La connexion par le fournisseur d’identité a échoué : réessayez ou connectez-vous avec votre mot de passe.',
};

/** The French message of an OIDC error code (an unknown code reads as a failure), null without one. */
export function oidcErrorMessage(code: string | null): string | null {
  if (code === null || code === '') {
    return null;
  }
  return OIDC_ERRORS[code] ?? (OIDC_ERRORS['echec'] as string);
}

interface FieldErrors {
  email?: string;
  password?: string;
}

function DemoAccounts({ accounts, onUse }: { accounts: readonly DemoAccountView[]; onUse: (account: DemoAccountView) => void }) {
  return (
    <section aria-labelledby="titre-comptes-demo" className="demo-accounts">
      <h2 id="titre-comptes-demo">Comptes de démonstration</h2>
      <p>
        Un compte par rôle : chacun ne voit que les dispositifs et les conventions de son organisation. Le bouton
        remplit le formulaire de connexion ci-dessus.
      </p>
      <div className="table-wrapper" tabIndex={0}>
        <table className="data-table">
          <caption>Comptes de démonstration et ce qu’ils montrent</caption>
          <thead>
            <tr>
              <th scope="col">Rôle</th>
              <th scope="col">Organisation</th>
              <th scope="col">Ce que montre le compte</th>
              <th scope="col">Identifiant et mot de passe</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.email}>
                <th scope="row" className="row-header">
                  {account.roleLabel}
                </th>
                <td>{account.organisationName}</td>
                <td>{account.description}</td>
                <td>
                  <span className="block">
                    <code>{account.email}</code>
                  </span>
                  <span className="block small">
                    mot de passe : <code>{account.password}</code>
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary nowrap"
                    aria-label={`Utiliser ce compte : ${account.email}`}
                    onClick={() => onUse(account)}
                  >
                    Utiliser ce compte
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The button of the identity provider (OIDC), shown only when the API says it is configured. */
function OidcSignIn({ label, returnTo }: { label: string; returnTo: string | null }) {
  return (
    <div className="login-oidc">
      <p>
        <a className="button button--secondary" href={oidcLoginUrl(returnTo)}>
          {label}
        </a>
      </p>
      <p className="login-oidc__or">ou avec votre adresse électronique et votre mot de passe :</p>
    </div>
  );
}

/**
 * `/connexion`: sign-in form; the identity provider's button when OIDC is on; in demo mode, the
 * demo accounts (one per role) that fill the form.
 */
export function LoginPage() {
  useDocumentTitle('Connexion');
  const { user, ended, signIn } = useAuth();
  const location = useLocation();
  const state = (location.state ?? null) as LoginLocationState | null;
  const demoAccounts = useDemoAccounts();
  const authConfig = useAuthConfig();
  const [searchParams] = useSearchParams();
  const emailId = useId();
  const passwordId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // Back from the identity provider with a refusal: announced like a failed password sign-in.
  const [error, setError] = useState<string | null>(() => oidcErrorMessage(searchParams.get('erreur')));
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user !== null) {
    return <Navigate to={returnPath(state, homePathFor(user.role))} replace />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (email.trim() === '') {
      errors.email = 'Saisissez votre adresse électronique.';
    }
    if (password === '') {
      errors.password = 'Saisissez votre mot de passe.';
    }
    setFieldErrors(errors);
    setStatus(null);
    if (errors.email !== undefined || errors.password !== undefined) {
      setError('Le formulaire est incomplet : ' + [errors.email, errors.password].filter(Boolean).join(' '));
      (errors.email !== undefined ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      // Signed in: the `user` above is set and this page redirects.
    } catch (caught) {
      setBusy(false);
      setError(errorMessage(caught));
      if (caught instanceof ApiError && caught.isUnauthorized) {
        setPassword('');
        passwordRef.current?.focus();
      } else {
        submitRef.current?.focus();
      }
    }
  };

  const fillWith = (account: DemoAccountView) => {
    setEmail(account.email);
    setPassword(account.password);
    setFieldErrors({});
    setError(null);
    setStatus(`Formulaire rempli avec le compte ${account.email} (${account.roleLabel}) : validez avec « Se connecter ».`);
    submitRef.current?.focus();
  };

  const accounts = demoAccounts.data ?? [];
  const oidc = authConfig.data?.oidc;

  return (
    <>
      {accounts.length > 0 && <DemoModeBanner />}
      <h1>Connexion</h1>
      {ended === 'expired' && (
        <div className="alert alert--warning" role="note" aria-label="Session terminée">
          <p>Votre session a pris fin : reconnectez-vous pour reprendre là où vous en étiez.</p>
        </div>
      )}
      {ended === 'signed_out' && <p role="status">Vous êtes déconnecté.</p>}
      <p className="lead">
        Connectez-vous avec le compte que l’administrateur de la plateforme vous a attribué. Vous ne verrez que les
        données du périmètre de votre organisation.
      </p>
      {oidc?.enabled === true && oidc.label !== null && <OidcSignIn label={oidc.label} returnTo={returnPath(state, '') || null} />}

      <form className="login-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="titre-formulaire">
        <h2 id="titre-formulaire" className="visually-hidden">
          Formulaire de connexion
        </h2>
        <div className="login-form__messages" role="alert">
          {error !== null && (
            <p className="alert alert--error">
              <strong>Connexion impossible.</strong> {error}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={emailId}>Adresse électronique</label>
          <input
            ref={emailRef}
            id={emailId}
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={fieldErrors.email !== undefined}
            aria-describedby={fieldErrors.email !== undefined ? `${emailId}-erreur` : undefined}
          />
          {fieldErrors.email !== undefined && (
            <p id={`${emailId}-erreur`} className="field__error">
              {fieldErrors.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={passwordId}>Mot de passe</label>
          <input
            ref={passwordRef}
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={fieldErrors.password !== undefined}
            aria-describedby={fieldErrors.password !== undefined ? `${passwordId}-erreur` : undefined}
          />
          {fieldErrors.password !== undefined && (
            <p id={`${passwordId}-erreur`} className="field__error">
              {fieldErrors.password}
            </p>
          )}
        </div>
        <p>
          <button ref={submitRef} type="submit" className="button button--primary" disabled={busy} aria-disabled={busy}>
            {busy ? 'Connexion en cours…' : 'Se connecter'}
          </button>
        </p>
        <p className="visually-hidden" role="status">
          {status}
        </p>
      </form>

      {accounts.length > 0 && <DemoAccounts accounts={accounts} onUse={fillWith} />}
    </>
  );
}
