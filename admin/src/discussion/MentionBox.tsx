import { ClickAwayListener, ListItemText, MenuItem, MenuList, Paper, Popper, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useDataProvider } from 'react-admin';
import { roleLabels } from '../common/choices';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { participantsQuery, type Participant } from './queries';

/** The "@…" being typed just before the caret, if any: from an "@" at a word's start, on one line. */
function mentionAt(text: string, caret: number): { start: number; search: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1 || (at > 0 && !/\s|\(/.test(before[at - 1]!))) return null;
  const search = before.slice(at + 1);
  return search.length <= 40 && !search.includes('\n') ? { start: at, search } : null;
}

/**
 * A box to write a comment in. Typing "@" offers the people who may read the discussion (the server's
 * list, searched by what follows the "@"); choosing one writes "@Full Name", which the server resolves
 * to that person when the comment is saved.
 */
export function MentionBox({ recommendationId, value, onChange, disabled }: { recommendationId: string; value: string; onChange(value: string): void; disabled?: boolean }) {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const input = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const typing = mentionAt(value, caret);
  const open = Boolean(typing && dismissed !== typing.start);
  const { data } = useQuery({
    queryKey: ['discussionParticipants', recommendationId, typing?.search ?? ''],
    queryFn: () => dataProvider.query<{ discussionParticipants: Participant[] }>(participantsQuery, { recommendationId, search: typing?.search.trim() || null }),
    enabled: open,
    placeholderData: (previous) => previous,
  });
  const people = open ? (data?.discussionParticipants ?? []).slice(0, 8) : [];

  const choose = (person: Participant) => {
    if (!typing) return;
    const written = `@${person.name} `;
    const next = value.slice(0, typing.start) + written + value.slice(caret);
    onChange(next);
    const position = typing.start + written.length;
    setCaret(position);
    setHighlighted(0);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(position, position);
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!people.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlighted((index) => (index + (event.key === 'ArrowDown' ? 1 : people.length - 1)) % people.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(people[Math.min(highlighted, people.length - 1)]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(typing?.start ?? null);
    }
  };

  const listId = `mentions-${recommendationId}`;
  return (
    <ClickAwayListener onClickAway={() => setDismissed(typing?.start ?? null)}>
      <div>
        <TextField
          label="Write a comment"
          helperText="Type @ to mention someone who may read this discussion."
          multiline
          minRows={2}
          fullWidth
          disabled={disabled}
          value={value}
          inputRef={input}
          onChange={(event) => {
            onChange(event.target.value);
            setCaret(event.target.selectionStart ?? event.target.value.length);
            setHighlighted(0);
          }}
          onSelect={(event) => setCaret((event.target as HTMLTextAreaElement).selectionStart ?? 0)}
          onKeyDown={onKeyDown}
          slotProps={{ htmlInput: { 'aria-autocomplete': 'list', 'aria-controls': people.length ? listId : undefined, 'aria-expanded': people.length > 0, maxLength: 4000 } }}
        />
        <Popper open={people.length > 0} anchorEl={input.current} placement="bottom-start" sx={{ zIndex: 1300 }}>
          <Paper elevation={6}>
            <MenuList id={listId} dense aria-label="People to mention">
              {people.map((person, index) => (
                <MenuItem key={`${person.name}-${index}`} selected={index === highlighted} onMouseDown={(event) => event.preventDefault()} onClick={() => choose(person)}>
                  <ListItemText primary={person.name} secondary={[roleLabels[person.role] ?? person.role, person.organisationName].filter(Boolean).join(' · ')} />
                </MenuItem>
              ))}
            </MenuList>
          </Paper>
        </Popper>
      </div>
    </ClickAwayListener>
  );
}
