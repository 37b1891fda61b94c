import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../api/client';
import { ScorePreviewDocument, SubmitAssessmentDocument } from '../api/documents';
import type { AssessmentAnswersInput, ReportingCadence } from '../gql/graphql';
import { REPORTING_CADENCES } from '../enums';
import { useFormat } from '../i18n/format';
import { Field, ProblemBanner, Section } from '../components/ui';

const START: AssessmentAnswersInput = {
  overallSatisfaction: 3,
  managementSupport: 3,
  hasPolicy: false,
  policyRoleModel: 3,
  hasCrisisPlan: false,
  hasMonitoring: false,
  reportingCadence: 'AD_HOC',
  communityApplicable: false,
};
const RATINGS = ['overallSatisfaction', 'managementSupport', 'policyRoleModel'] as const;
const CHECKS = ['hasPolicy', 'hasCrisisPlan', 'hasMonitoring', 'communityApplicable'] as const;

function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** An idempotency key for this questionnaire (randomUUID needs a secure context; getRandomValues does not). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Waits until the value has been still for `ms`: the preview follows the answers without a request per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [still, setStill] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setStill(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return still;
}

/** The questionnaire for a period, with a live preview of the score before anything is stored. */
export function AssessPage() {
  const { t } = useTranslation();
  const { decimal: oneDecimal, signed } = useFormat();
  const { tenantId = '' } = useParams();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(currentQuarter);
  const [supersede, setSupersede] = useState(false);
  const [answers, setAnswers] = useState<AssessmentAnswersInput>(START);
  const [key] = useState(randomKey);
  const asked = useDebounced(answers, 300);
  const [preview] = useQuery({ query: ScorePreviewDocument, variables: { answers: asked }, requestPolicy: 'network-only' });
  const [submitted, submit] = useMutation(SubmitAssessmentDocument);
  const [baseline, setBaseline] = useState<{ answers: string; score: number; dims: Map<string, number | null> } | null>(null);
  const set = <K extends keyof AssessmentAnswersInput>(k: K, v: AssessmentAnswersInput[K]) => setAnswers((a) => ({ ...a, [k]: v }));
  const result = preview.data?.scorePreview;
  const previous = useMemo(() => (result ? { score: result.overallScore, dims: new Map(result.dimensions.map((d) => [d.dimension, d.score ?? null])) } : null), [result]);
  useEffect(() => {
    // The first preview is the baseline each later answer is compared with ("this answer moves the score by ...").
    if (previous && !baseline) setBaseline({ answers: JSON.stringify(asked), ...previous });
  }, [previous, baseline, asked]);
  const problem = problemOf(submitted.error);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await submit({ input: { period: period.trim(), answers, supersede, idempotencyKey: `${key}:${period.trim()}:${supersede}` } });
    if (res.data) void navigate(`/t/${tenantId}`);
  };
  const err = (f: string) => problem?.fields[`input.${f}`];

  return (
    <div className="assess">
      <Section title={t('assess.title')}>
        <p className="muted">{t('assess.intro')}</p>
        <form id="assessment-form" onSubmit={onSubmit}>
          <div className="form-grid">
            <Field label={t('assess.period')} hint={t('assess.periodHint')} error={err('period') ?? (problem?.code === 'CONFLICT' ? t('assess.periodTaken') : null)}>
              {(p) => <input {...p} name="period" required value={period} onChange={(e) => setPeriod(e.target.value)} />}
            </Field>
            {RATINGS.map((r) => (
              <Field key={r} label={t(`assess.${r}`)} error={err(`answers.${r}`)}>
                {(p) => (
                  <select {...p} name={r} value={answers[r]} onChange={(e) => set(r, Number(e.target.value))}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {t(`scale.${n}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
            <Field label={t('assess.reportingCadence')} error={err('answers.reportingCadence')}>
              {(p) => (
                <select {...p} name="reportingCadence" value={answers.reportingCadence} onChange={(e) => set('reportingCadence', e.target.value as ReportingCadence)}>
                  {REPORTING_CADENCES.map((c) => (
                    <option key={c} value={c}>
                      {t(`enum.ReportingCadence.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset className="checks">
            <legend>{t('assess.facts')}</legend>
            {CHECKS.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" name={c} checked={answers[c]} onChange={(e) => set(c, e.target.checked)} />
                {t(`assess.${c}`)}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" name="supersede" checked={supersede} onChange={(e) => setSupersede(e.target.checked)} />
            {t('assess.supersede')}
          </label>
          <ProblemBanner problem={problem?.code === 'CONFLICT' ? null : problem} fields={Object.keys(problem?.fields ?? {})} />
          <button type="submit" id="submit-assessment" disabled={submitted.fetching}>
            {t('assess.submit')}
          </button>
        </form>
      </Section>
      <Section title={t('preview.title')} id="preview">
        <div aria-live="polite" aria-busy={preview.fetching}>
          {!result && <p className="muted">{t('common.loading')}</p>}
          {result && (
            <>
              <p className="preview-score">
                <span className="big" id="preview-score">
                  {oneDecimal(result.overallScore)}
                </span>{' '}
                <span className={`badge stage stage-${result.stage}`} id="preview-stage">
                  {t(`enum.Stage.${result.stage}`)}
                </span>
              </p>
              {baseline && baseline.answers !== JSON.stringify(asked) && (
                <p id="preview-move" className={result.overallScore - baseline.score < 0 ? 'down' : 'up'}>
                  {t('preview.moved', { delta: signed(result.overallScore - baseline.score) })}
                </p>
              )}
              {result.previous && (
                <p className="muted">
                  {t('preview.againstPrevious', { period: result.previous.period, delta: signed(result.overallScore - result.previous.overallScore) })}
                </p>
              )}
              {result.outlook.nextStage && (
                <p className="muted">
                  {t('preview.toNext', { points: oneDecimal(result.outlook.pointsToNextStage ?? 0), stage: t(`enum.Stage.${result.outlook.nextStage}`) })}
                </p>
              )}
              <table className="preview-dims">
                <caption className="sr-only">{t('preview.dimensions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.dimension')}</th>
                    <th scope="col">{t('overview.score')}</th>
                    <th scope="col">{t('preview.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.dimensions.map((d) => {
                    const before = baseline?.dims.get(d.dimension);
                    const change = d.score != null && before != null ? d.score - before : null;
                    return (
                      <tr key={d.dimension} data-dimension={d.dimension}>
                        <th scope="row">{t(`enum.Dimension.${d.dimension}`)}</th>
                        <td>{d.applicable && d.score != null ? oneDecimal(d.score) : t('overview.notApplicable')}</td>
                        <td className={change && change < 0 ? 'down' : change && change > 0 ? 'up' : ''}>{change && Math.abs(change) >= 0.05 ? signed(change) : '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
          <ProblemBanner problem={problemOf(preview.error)} />
        </div>
      </Section>
    </div>
  );
}
