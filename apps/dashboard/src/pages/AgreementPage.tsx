import type { AgreementDetail } from '@sdat/api-types';
import { formatNumber } from '@sdat/format';
import { Link, useParams } from 'react-router-dom';
import { useAgreement } from '../api/agreements';
import { monthsText, periodText, renewalText } from '../agreement-format';
import { eurosOrDash, quantityWithUnit } from '../amounts';
import { FindingsTable } from '../components/FindingsTable';
import { isForbidden, QueryResult } from '../components/QueryResult';
import { agreementKindLabel, obligationKindLabel, signatoryRoleLabel } from '../labels';
import { useDocumentTitle } from '../use-document-title';

function Signatories({ agreement }: { agreement: AgreementDetail }) {
  if (agreement.signatories.length === 0) {
    return <p>Aucun signataire renseigné.</p>;
  }
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>Signataires et rôles</caption>
        <thead>
          <tr>
            <th scope="col">Signataire</th>
            <th scope="col">Rôle</th>
            <th scope="col">Représenté par</th>
          </tr>
        </thead>
        <tbody>
          {agreement.signatories.map((signatory) => (
            <tr key={`${signatory.code}-${signatory.role}`}>
              <th scope="row" className="row-header">
                {signatory.name}
              </th>
              <td>{signatoryRoleLabel(signatory.role)}</td>
              <td>{signatory.representedBy ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Articles({ agreement }: { agreement: AgreementDetail }) {
  if (agreement.articles.length === 0) {
    return <p>Aucun article résumé.</p>;
  }
  return (
    <dl className="articles">
      {agreement.articles.map((article) => (
        <div key={article.ref} className="article">
          <dt>
            {article.ref} — {article.title}
          </dt>
          <dd>{article.summary}</dd>
        </div>
      ))}
    </dl>
  );
}

function Actions({ agreement }: { agreement: AgreementDetail }) {
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>Actions prévues par la convention</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Action</th>
            <th scope="col" className="num">
              Part État
            </th>
            <th scope="col" className="num">
              Part Métropole
            </th>
            <th scope="col" className="num">
              Budget estimé
            </th>
            <th scope="col">Calendrier</th>
          </tr>
        </thead>
        <tbody>
          {agreement.actions.map((action) => (
            <tr key={action.number}>
              <td className="nowrap">{action.number}</td>
              <th scope="row" className="row-header">
                {action.title}
                {action.axis !== null && action.axis !== '' && <span className="muted small block">{action.axis}</span>}
              </th>
              <td className="num">{eurosOrDash(action.stateAmountCents)}</td>
              <td className="num">{eurosOrDash(action.metropoleAmountCents)}</td>
              <td className="num">{eurosOrDash(action.estimatedBudgetCents)}</td>
              <td>{action.timetable ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Targets({ agreement }: { agreement: AgreementDetail }) {
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>Cibles fixées par la convention</caption>
        <thead>
          <tr>
            <th scope="col">Cible</th>
            <th scope="col">Action</th>
            <th scope="col" className="num">
              Valeur cible
            </th>
            <th scope="col">Période</th>
          </tr>
        </thead>
        <tbody>
          {agreement.targets.map((target) => (
            <tr key={target.code}>
              <th scope="row" className="row-header">
                {target.label}
                {target.sourceText !== null && target.sourceText !== '' && (
                  <span className="source block">« {target.sourceText} »</span>
                )}
              </th>
              <td>{target.actionNumber ?? '—'}</td>
              <td className="num">
                {target.targetValue === null ? '—' : quantityWithUnit(target.targetValue, target.unit)}
              </td>
              <td>{target.period ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ObligationRules({ agreement }: { agreement: AgreementDetail }) {
  const names = new Map(agreement.programmes.map((programme) => [programme.code, programme.name]));
  if (agreement.obligationRules.length === 0) {
    return <p>Aucune obligation relevée.</p>;
  }
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>Obligations prévues par la convention</caption>
        <thead>
          <tr>
            <th scope="col">Obligation</th>
            <th scope="col">Type</th>
            <th scope="col">Dispositif</th>
            <th scope="col">Texte de la convention</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {agreement.obligationRules.map((rule) => (
            <tr key={rule.code}>
              <th scope="row" className="row-header">
                {rule.label}
              </th>
              <td>{obligationKindLabel(rule.kind)}</td>
              <td>{rule.programmeCode === null ? 'Tous' : (names.get(rule.programmeCode) ?? rule.programmeCode)}</td>
              <td>{rule.printed === null || rule.printed === '' ? '—' : <q>{rule.printed}</q>}</td>
              <td>{rule.sourceRef ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AgreementContent({ agreement }: { agreement: AgreementDetail }) {
  const programmeNames = new Map(agreement.programmes.map((programme) => [programme.code, programme.name]));
  return (
    <>
      <h1>{agreement.title}</h1>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{agreementKindLabel(agreement.kind)}</dd>
        <dt>Période</dt>
        <dd>{periodText(agreement)}</dd>
        <dt>Durée</dt>
        <dd>{agreement.durationMonths === null ? 'Non précisée' : monthsText(agreement.durationMonths)}</dd>
        <dt>Reconduction</dt>
        <dd>
          {renewalText(agreement)}
          {agreement.renewalNote !== null && agreement.renewalNote !== '' && (
            <span className="muted block">{agreement.renewalNote}</span>
          )}
        </dd>
      </dl>

      <section aria-labelledby="titre-signataires">
        <h2 id="titre-signataires">Signataires</h2>
        <Signatories agreement={agreement} />
      </section>

      <section aria-labelledby="titre-dispositifs">
        <h2 id="titre-dispositifs">Dispositifs</h2>
        {agreement.programmes.length === 0 ? (
          <p>Cette convention ne finance pas de dispositif suivi ici.</p>
        ) : (
          <ul>
            {agreement.programmes.map((programme) => (
              <li key={programme.code}>
                <Link to={`/dispositifs/${encodeURIComponent(programme.code)}`}>{programme.name}</Link>
                {programme.annexNumber !== null && <> — annexe {formatNumber(programme.annexNumber)}</>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="titre-articles">
        <h2 id="titre-articles">Articles</h2>
        <Articles agreement={agreement} />
      </section>

      {agreement.actions.length > 0 && (
        <section aria-labelledby="titre-actions">
          <h2 id="titre-actions">Actions</h2>
          <Actions agreement={agreement} />
        </section>
      )}

      {agreement.targets.length > 0 && (
        <section aria-labelledby="titre-cibles">
          <h2 id="titre-cibles">Cibles</h2>
          <Targets agreement={agreement} />
        </section>
      )}

      <section aria-labelledby="titre-obligations">
        <h2 id="titre-obligations">Obligations</h2>
        <ObligationRules agreement={agreement} />
      </section>

      <section aria-labelledby="titre-ecarts">
        <h2 id="titre-ecarts">Écarts relevés</h2>
        <FindingsTable
          findings={agreement.findings}
          caption={`Écarts relevés dans « ${agreement.title} »`}
          programmeNames={programmeNames}
          showAgreement={false}
        />
      </section>
    </>
  );
}

/** `/conventions/:code` */
export function AgreementPage() {
  const { code = '' } = useParams();
  const agreement = useAgreement(code);
  useDocumentTitle(isForbidden(agreement.error) ? 'Accès refusé' : agreement.data ? agreement.data.title : 'Convention');
  return (
    <QueryResult query={agreement} loading="Chargement de la convention…" errorContext="La convention n’a pas pu être affichée." pageSubject>
      {(detail) => <AgreementContent agreement={detail} />}
    </QueryResult>
  );
}
