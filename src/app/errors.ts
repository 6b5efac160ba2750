import { FetchError } from './api.ts';
import { AnalysisError } from '../workers/client.ts';
import { t } from './i18n/index.ts';
import { refusalSentence } from './import/reasons.ts';

/** What went wrong, in the current language, for a person who can act on it. */
export function describeError(error: unknown): string {
  if (error instanceof FetchError) {
    const url = new URL(error.url).pathname;
    switch (error.kind) {
      case 'network':
        return t('error.network', { url });
      case 'html':
        return t('error.html', { url });
      case 'format':
        return t('error.format', { url });
      case 'too-large':
        return error.refusal ? refusalSentence(error.refusal) : t('error.format', { url });
      case 'status':
        return error.status === 404 ? t('error.notFound', { url }) : t('error.status', { url, status: error.status ?? '?' });
    }
  }
  // A file refused whole (SPEC §3.1): the domain's reason, in the page's language.
  if (error instanceof AnalysisError && error.refusal) return refusalSentence(error.refusal);
  return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
}
