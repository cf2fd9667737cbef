import { useEffect, useRef, useState } from 'react';
import { Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecklist, IconCircleCheck, IconColumns3, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportPreview, ImportResult, ImportUpload } from '@groeipad/contracts';
import { useAbilities } from '../../app/nav.tsx';
import { Page } from '../../ui/page.tsx';
import { NotFoundPage } from '../placeholder/not-found-page.tsx';
import { FileStep } from './file-step.tsx';
import { MappingStep } from './mapping-step.tsx';
import { PreviewStep } from './preview-step.tsx';
import { ResultStep } from './result-step.tsx';
import type { ImportChoice } from './queries.ts';

type Step = 0 | 1 | 2 | 3;
const STEPS = ['file', 'mapping', 'preview', 'done'] as const;
const ICONS = [IconFileUpload, IconColumns3, IconChecklist, IconCircleCheck];

/**
 * For a new file: keep what the admin chose for the previous one where those columns still exist
 * (the usual case after fixing errors and uploading again), else take the server's suggestion.
 */
function mappingFor(upload: ImportUpload, previous: ImportMapping | null): ImportMapping {
  if (!previous) return upload.suggestedMapping;
  const kept = Object.fromEntries(
    Object.entries(previous).filter(([, column]) => upload.columns.includes(column)),
  ) as ImportMapping;
  const taken = new Set(Object.values(kept));
  const suggested = Object.fromEntries(
    Object.entries(upload.suggestedMapping).filter(([field, column]) => !(field in kept) && !taken.has(column)),
  ) as ImportMapping;
  return { ...suggested, ...kept };
}

/** Staff import in four steps: file, column mapping, preview (dry run), result. */
export default function ImportPage() {
  const { t } = useTranslation('import');
  const { importStaff } = useAbilities();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [step, setStep] = useState<Step>(0);
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [choice, setChoice] = useState<ImportChoice | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    // After a step change, screen reader and keyboard users start at the new step's heading.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
    stepHeading.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  if (!importStaff) return <NotFoundPage />;

  const restart = () => {
    setUpload(null);
    setChoice(null);
    setPreview(null);
    setResult(null);
    setStep(0);
  };

  const canSelect = (index: number) => result === null && index < step;

  return (
    <Page title={t('title')} description={t('intro')}>
      <Stepper
        active={result ? STEPS.length : step}
        onStepClick={(index) => {
          if (canSelect(index)) setStep(index as Step);
        }}
        size={narrow ? 'xs' : 'sm'}
        aria-label={t('steps.label')}
        allowNextStepsSelect={false}
      >
        {STEPS.map((key, index) => {
          const Icon = ICONS[index]!;
          return (
            <Stepper.Step
              key={key}
              label={narrow ? undefined : t(`steps.${key}`)}
              description={narrow ? undefined : t(`steps.${key}Description`)}
              icon={<Icon size={18} aria-hidden />}
              allowStepSelect={canSelect(index)}
              aria-label={narrow ? t(`steps.${key}`) : undefined}
              aria-current={index === step ? 'step' : undefined}
            />
          );
        })}
      </Stepper>
      {narrow ? (
        <Text fw={600} size="sm" c="dimmed">
          {t('steps.current', { step: step + 1, total: STEPS.length, label: t(`steps.${STEPS[step]}`) })}
        </Text>
      ) : null}

      {step === 0 ? (
        <FileStep
          headingRef={stepHeading}
          current={upload}
          onUploaded={(fresh) => {
            setUpload(fresh);
            setChoice((prev) => ({
              mapping: mappingFor(fresh, prev?.mapping ?? null),
              deactivateMissing: prev?.deactivateMissing ?? false,
            }));
            setPreview(null);
            setStep(1);
          }}
          onContinue={() => setStep(1)}
        />
      ) : null}
      {step === 1 && upload && choice ? (
        <MappingStep
          headingRef={stepHeading}
          upload={upload}
          choice={choice}
          onChange={setChoice}
          onBack={() => setStep(0)}
          onPreview={(fresh) => {
            setPreview(fresh);
            setStep(2);
          }}
        />
      ) : null}
      {step === 2 && upload && choice && preview ? (
        <PreviewStep
          headingRef={stepHeading}
          upload={upload}
          choice={choice}
          preview={preview}
          onRefreshed={setPreview}
          onBack={() => setStep(1)}
          onChooseOther={() => setStep(0)}
          onCommitted={(done) => {
            setResult(done);
            setStep(3);
          }}
        />
      ) : null}
      {step === 3 && result ? <ResultStep headingRef={stepHeading} result={result} onAgain={restart} /> : null}
    </Page>
  );
}
