import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, DownloadFailed } from '../api/client';

export interface ReportFile {
  /** The button's id (the browser tests find it by it). */
  id: string;
  /** GET path on the API, e.g. /reports/assessments/<id>.pdf. */
  path: string;
  label: string;
  /** The file name when the answer names none. */
  fileName: string;
}

/**
 * Buttons that fetch a report (bearer token, x-tenant-id, Accept-Language: the language shown) and save it; while it
 * is being made the button is busy, and when it does not come the page says so next to the buttons.
 */
export function ReportButtons({ tenantId, files, className = '' }: { tenantId: string | null; files: ReportFile[]; className?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ id: string; code: string; status: number | null } | null>(null);

  const fetchReport = async (file: ReportFile) => {
    setFailed(null);
    setBusy(file.id);
    try {
      await download(file.path, tenantId, file.fileName);
    } catch (e) {
      setFailed({ id: file.id, code: e instanceof DownloadFailed ? e.code : 'NETWORK', status: e instanceof DownloadFailed ? e.status : null });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={`report-actions no-print ${className}`.trim()}>
      <div className="report-buttons">
        {files.map((file) => (
          <button key={file.id} type="button" id={file.id} className="button-quiet" disabled={busy !== null} aria-busy={busy === file.id} onClick={() => void fetchReport(file)}>
            {file.label}
          </button>
        ))}
      </div>
      <p className="muted report-status" role="status">
        {busy ? t('reports.preparing') : ''}
      </p>
      {failed && (
        <p className="banner banner-error report-error" role="alert" id="report-error" data-report={failed.id}>
          {t('reports.failed')} {t(`reports.why.${failed.code}`, { defaultValue: t('reports.why.other') })}
          {failed.status ? ` (HTTP ${failed.status})` : ''}
        </p>
      )}
    </div>
  );
}
