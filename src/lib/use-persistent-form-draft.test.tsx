import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { renderWithProviders } from '../test/render';
import { usePersistentFormDraft } from './use-persistent-form-draft';

function DraftForm() {
  const draft = usePersistentFormDraft('create', { name: '', secret: '' }, { omit: ['secret'] });
  const form = useForm({ initialValues: draft.initialValues, onValuesChange: draft.save });
  return (
    <form onSubmit={form.onSubmit(() => draft.clear())}>
      {draft.restored && <p>Draft restored</p>}
      <TextInput label="Name" {...form.getInputProps('name')} />
      <TextInput label="Secret" {...form.getInputProps('secret')} />
      <Button type="submit">Create</Button>
    </form>
  );
}

describe('usePersistentFormDraft', () => {
  it('restores what was typed when the form mounts again, without secrets', async () => {
    const user = userEvent.setup();
    const first = renderWithProviders(<DraftForm />, { route: '/servers/new' });
    await user.type(screen.getByLabelText('Name'), 'web-1');
    await user.type(screen.getByLabelText('Secret'), 'hunter2');
    first.unmount();

    renderWithProviders(<DraftForm />, { route: '/servers/new' });
    expect(screen.getByText('Draft restored')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('web-1');
    expect(screen.getByLabelText('Secret')).toHaveValue('');
  });

  it('keys drafts by route', async () => {
    const user = userEvent.setup();
    const first = renderWithProviders(<DraftForm />, { route: '/servers/new' });
    await user.type(screen.getByLabelText('Name'), 'web-1');
    first.unmount();
    renderWithProviders(<DraftForm />, { route: '/volumes/new' });
    expect(screen.getByLabelText('Name')).toHaveValue('');
  });

  it('forgets the draft once the form is submitted', async () => {
    const user = userEvent.setup();
    const first = renderWithProviders(<DraftForm />, { route: '/servers/new' });
    await user.type(screen.getByLabelText('Name'), 'web-1');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    first.unmount();
    renderWithProviders(<DraftForm />, { route: '/servers/new' });
    expect(screen.queryByText('Draft restored')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('');
  });
});
