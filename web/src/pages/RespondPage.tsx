import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { RespondentCampaignDocument, SubmitCampaignResponseDocument } from '../api/documents';
import type { AssessmentAnswersInput } from '../gql/graphql';
import { REPORTING_CADENCES } from '../enums';
import { Loading } from '../components/ui';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useFormat } from '../i18n/format';

const RATINGS = ['overallSatisfaction', 'managementSupport', 'policyRoleModel'] as const;
const YES_NO = ['hasPolicy', 'hasCrisisPlan', 'hasMonitoring', 'communityApplicable'] as const;
export type QuestionnaireDraft = Partial<AssessmentAnswersInput>;
type Draft = QuestionnaireDraft;

/**
 * The respondent's page (no login): the organisation, the period and the closing time the link reveals, the eight
 * questions in everyday words, then a thank-you. Answering again replaces the earlier answers until closing.
 */
export function RespondPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { token = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: RespondentCampaignDocument, variables: { token }, requestPolicy: 'network-only' });
  const [sent, send] = useMutation(SubmitCampaignResponseDocument);
  const [draft, setDraft] = useState<Draft>({});
  const [thanked, setThanked] = useState(false);
  const view = data?.respondentCampaign;
  const when = format.longDateTime;
  const problem = problemOf(sent.error);
  const loadProblem = problemOf(error);

  let body;
  if (fetching && !data) body = <Loading />;
  else if (loadProblem) {
    body = (
      <p className="banner banner-error" role="alert" id="respond-problem">
        {t(loadProblem.code === 'RATE_LIMITED' ? 'respond.rateLimited' : 'respond.unreachable')}
      </p>
    );
  } else if (!view) {
    body = (
      <div className="banner banner-info" role="status" id="respond-unknown">
        <p><strong>{t('respond.unknownTitle')}</strong></p>
        <p>{t('respond.unknown')}</p>
      </div>
    );
  } else if (!view.open || problem?.code === 'CONFLICT') {
    body = (
      <div className="banner banner-info" role="status" id="respond-closed">
        <p><strong>{t('respond.closedTitle')}</strong></p>
        <p>{t('respond.closed', { organisation: view.organisationName, period: view.period })}</p>
      </div>
    );
  } else if (thanked) {
    body = (
      <div className="banner banner-ok" role="status" id="respond-thanks">
        <p><strong>{t('respond.thanksTitle')}</strong></p>
        <p>{t('respond.thanks', { organisation: view.organisationName })}</p>
        <p>{t('respond.changeUntil', { closesAt: when(view.closesAt) })}</p>
        <button type="button" className="button-quiet" id="respond-again" onClick={() => setThanked(false)}>
          {t('respond.changeAnswers')}
        </button>
      </div>
    );
  } else {
    body = (
      <>
        <p className="respond-lead" id="respond-intro">
          {t('respond.intro', { organisation: view.organisationName, period: view.period })}
        </p>
        <p className="muted">
          {t('respond.anonymous')} {t('respond.changeUntil', { closesAt: when(view.closesAt) })}
        </p>
        {view.answered && <p className="banner banner-info">{t('respond.answeredBefore')}</p>}
        <QuestionnaireForm
          draft={draft}
          onDraft={setDraft}
          busy={sent.fetching}
          onAnswers={async (answers) => {
            const res = await send({ token, answers });
            if (res.data?.submitCampaignResponse) setThanked(true);
          }}
          problem={
            problem && problem.code !== 'CONFLICT'
              ? t(problem.code === 'NOT_FOUND' ? 'respond.unknown' : `errors.${problem.code}`, { defaultValue: t('errors.generic') })
              : null
          }
        />
      </>
    );
  }

  return (
    <div className="respond-page">
      <header className="respond-top">
        <LanguageSwitch />
      </header>
      <main id="main" className="respond-main">
        <h1>{view ? t('respond.title', { organisation: view.organisationName }) : t('respond.titlePlain')}</h1>
        {view && <p className="muted">{t('respond.period', { period: view.period, closesAt: when(view.closesAt) })}</p>}
        {body}
      </main>
    </div>
  );
}

/**
 * The eight questions in everyday words and the submit button: the respondent's page (by link) and a signed-in
 * member answering from the Campaigns tab use the same form. `children` come first inside it (e.g. a department).
 */
export function QuestionnaireForm({
  draft,
  onDraft,
  onAnswers,
  busy,
  problem,
  children,
}: {
  /** The answers so far: kept by the page, so "change my answers" starts from them. */
  draft: QuestionnaireDraft;
  onDraft: (update: (d: QuestionnaireDraft) => QuestionnaireDraft) => void;
  onAnswers: (answers: AssessmentAnswersInput) => Promise<void>;
  busy: boolean;
  problem: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  const set = <K extends keyof AssessmentAnswersInput>(k: K, v: AssessmentAnswersInput[K]) => onDraft((d) => ({ ...d, [k]: v }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!complete(draft)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    await onAnswers(draft);
  };

  return (
    <form id="respond-form" className="questionnaire" onSubmit={onSubmit} noValidate>
      {children}
      {RATINGS.map((r, n) => (
        <fieldset key={r} className="question">
          <legend>
            <span className="question-number">{n + 1}.</span> {t(`respond.q.${r}`)}
          </legend>
          <p className="hint">{t(`respond.explain.${r}`)}</p>
          <div className="choices">
            {[1, 2, 3, 4, 5].map((v) => (
              <label key={v} className="choice">
                <input type="radio" name={r} value={v} checked={draft[r] === v} onChange={() => set(r, v)} />
                <span>{t(`respond.scale.${v}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {YES_NO.map((c, n) => (
        <fieldset key={c} className="question">
          <legend>
            <span className="question-number">{RATINGS.length + n + 1}.</span> {t(`respond.q.${c}`)}
          </legend>
          <p className="hint">{t(`respond.explain.${c}`)}</p>
          <div className="choices choices-two">
            {[true, false].map((v) => (
              <label key={String(v)} className="choice">
                <input type="radio" name={c} value={String(v)} checked={draft[c] === v} onChange={() => set(c, v)} />
                <span>{t(v ? 'respond.yes' : 'respond.no')}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="question">
        <legend>
          <span className="question-number">8.</span> {t('respond.q.reportingCadence')}
        </legend>
        <p className="hint">{t('respond.explain.reportingCadence')}</p>
        <div className="choices">
          {REPORTING_CADENCES.map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="reportingCadence" value={c} checked={draft.reportingCadence === c} onChange={() => set('reportingCadence', c)} />
              <span>{t(`respond.cadence.${c}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {missing && !complete(draft) && (
        <p className="banner banner-error" role="alert" id="respond-missing">
          {t('respond.missing')}
        </p>
      )}
      {problem && (
        <p className="banner banner-error" role="alert" id="respond-error">
          {problem}
        </p>
      )}
      <button type="submit" id="respond-submit" disabled={busy}>
        {t('respond.submit')}
      </button>
    </form>
  );
}

function complete(d: Draft): d is AssessmentAnswersInput {
  return [...RATINGS, ...YES_NO, 'reportingCadence' as const].every((k) => d[k] !== undefined);
}
