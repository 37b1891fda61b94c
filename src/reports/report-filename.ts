/** A download's name from an organisation and a period: ASCII letters, digits and hyphens only. */
export function reportFilename(organisation: string, period: string | null, extension = 'pdf'): string {
  const parts = [slug(organisation) || 'organisation', ...(period ? [slug(period)] : []), 'report'];
  return `${parts.join('-')}.${extension}`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
