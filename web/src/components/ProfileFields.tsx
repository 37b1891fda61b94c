import { useTranslation } from 'react-i18next';
import type { Culture, Department, Market, TenantProfileInput } from '../gql/graphql';
import { CULTURES, DEPARTMENTS, MARKETS } from '../enums';
import { Field } from './ui';

export interface ProfileDraft {
  employeeCount: string;
  departments: Department[];
  culture: Culture;
  market: Market;
  locations: string;
  sector: string;
  reassessmentCadenceDays: string;
}

export const EMPTY_PROFILE: ProfileDraft = {
  employeeCount: '',
  departments: ['MARKETING'],
  culture: 'MIXED',
  market: 'B2B',
  locations: '1',
  sector: '',
  reassessmentCadenceDays: '90',
};

/** The draft as the API takes it; the API checks the ranges and names a bad field. */
export function profileInput(d: ProfileDraft): TenantProfileInput {
  return {
    employeeCount: Number.parseInt(d.employeeCount, 10) || 0,
    departments: d.departments,
    culture: d.culture,
    market: d.market,
    locations: Number.parseInt(d.locations, 10) || 0,
    sector: d.sector.trim() ? d.sector.trim() : null,
    reassessmentCadenceDays: Number.parseInt(d.reassessmentCadenceDays, 10) || 90,
  };
}

/** Size, departments, culture, market, locations, sector and cadence; errors keyed by their input path. */
export function ProfileFields({
  draft,
  onChange,
  errors,
  prefix,
}: {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  errors: Record<string, string>;
  prefix: string;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => onChange({ ...draft, [key]: value });
  const err = (name: string) => errors[`${prefix}${name}`];
  return (
    <div className="form-grid">
      <Field label={t('profile.employeeCount')} error={err('employeeCount')}>
        {(p) => <input {...p} name="employeeCount" type="number" inputMode="numeric" min={1} required value={draft.employeeCount} onChange={(e) => set('employeeCount', e.target.value)} />}
      </Field>
      <Field label={t('profile.locations')} error={err('locations')}>
        {(p) => <input {...p} name="locations" type="number" inputMode="numeric" min={1} required value={draft.locations} onChange={(e) => set('locations', e.target.value)} />}
      </Field>
      <Field label={t('profile.culture')} error={err('culture')}>
        {(p) => (
          <select {...p} name="culture" value={draft.culture} onChange={(e) => set('culture', e.target.value as Culture)}>
            {CULTURES.map((c) => (
              <option key={c} value={c}>
                {t(`enum.Culture.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('profile.market')} error={err('market')}>
        {(p) => (
          <select {...p} name="market" value={draft.market} onChange={(e) => set('market', e.target.value as Market)}>
            {MARKETS.map((m) => (
              <option key={m} value={m}>
                {t(`enum.Market.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('profile.sector')} error={err('sector')}>
        {(p) => <input {...p} name="sector" value={draft.sector} onChange={(e) => set('sector', e.target.value)} />}
      </Field>
      <Field label={t('profile.cadence')} error={err('reassessmentCadenceDays')}>
        {(p) => <input {...p} name="reassessmentCadenceDays" type="number" inputMode="numeric" min={7} max={730} value={draft.reassessmentCadenceDays} onChange={(e) => set('reassessmentCadenceDays', e.target.value)} />}
      </Field>
      <fieldset className={`field-wide checks${err('departments') ? ' field-invalid' : ''}`}>
        <legend>{t('profile.departments')}</legend>
        {DEPARTMENTS.map((d) => (
          <label key={d} className="check">
            <input
              type="checkbox"
              name="departments"
              value={d}
              checked={draft.departments.includes(d)}
              onChange={(e) => set('departments', e.target.checked ? [...draft.departments, d] : draft.departments.filter((x) => x !== d))}
            />
            {t(`enum.Department.${d}`)}
          </label>
        ))}
        {err('departments') && <small className="field-error" data-field-error>{err('departments')}</small>}
      </fieldset>
    </div>
  );
}
