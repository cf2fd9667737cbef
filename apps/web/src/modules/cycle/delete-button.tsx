import { useState } from 'react';
import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../ui/confirm-modal.tsx';
import { useDeletePart, type CyclePart } from './queries.ts';

/** A trash button that asks once, saying what will be lost. */
export function DeleteButton(props: {
  schoolId: string;
  part: CyclePart;
  id: string;
  name: string;
  consequence: string;
}) {
  const { t } = useTranslation('cycle');
  const [open, setOpen] = useState(false);
  const remove = useDeletePart(props.schoolId);
  return (
    <>
      <ActionIcon
        variant="subtle"
        color="red.8"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
        aria-label={t('config.deleteLabel', { name: props.name })}
      >
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
      <ConfirmModal
        opened={open}
        title={t('config.deleteTitle', { name: props.name })}
        confirmLabel={t('config.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setOpen(false)}
        onConfirm={() => remove.mutate({ part: props.part, id: props.id }, { onSuccess: () => setOpen(false) })}
      >
        {props.consequence}
      </ConfirmModal>
    </>
  );
}
