// The OSL provision picker, loaded when first needed so the editor starts faster.
import { lazy, Suspense } from 'react';
import type { ProvisionPickerProps } from './ProvisionPicker';
import { t } from '../i18n';

const Picker = lazy(() => import('./ProvisionPicker'));

export function ProvisionPicker(props: ProvisionPickerProps) {
  return (
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      <Picker {...props} />
    </Suspense>
  );
}
