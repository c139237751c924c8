import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Box, Button, IconButton, Link, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, FileField, FileInput, useCanAccess, useNotify, useRefresh, useUpdate, type RaRecord } from 'react-admin';
import { EditDialog } from '../common/FormDialogs';
import { useWriteErrors } from '../common/useWriteErrors';

type EvidenceFile = { id: string; name: string; typeName: string; size: number; downloadUrl: string; viewerCanRemove: boolean };

/** What the file picker offers; the server decides from each file's content. */
const ACCEPT = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

export const FILES_HELP = 'PDF, Word (DOCX), Excel (XLSX), PNG or JPEG; at most 10 MB each.';

/** Files to attach, in a form: the evidence's submission, or attaching later. */
export function EvidenceFilesInput() {
  return (
    <FileInput source="newFiles" label="Files" multiple accept={ACCEPT} helperText={FILES_HELP} placeholder={<p>Drop files here, or click to choose them</p>}>
      <FileField source="src" title="title" />
    </FileInput>
  );
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 2 ** 20) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** One attached file: a download link, its kind and size, and, for who may, removal after a confirmation. */
function FileRow({ evidence, file }: { evidence: RaRecord; file: EvidenceFile }) {
  const [confirming, setConfirming] = useState(false);
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useWriteErrors();
  const { canAccess } = useCanAccess({ action: 'removeFile', resource: 'evidence', record: file });
  const remove = () =>
    update(
      'evidence',
      { id: evidence.id, data: { fileId: file.id }, previousData: evidence, meta: { operation: 'removeFile' } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          refresh();
          notify('File removed', { type: 'success' });
        },
        onError: (error) => {
          setConfirming(false);
          onError(error);
        },
      },
    );
  return (
    // Runs as a line of text, so in a narrow column the kind and size wrap below the name instead of squeezing it to a letter a line.
    <Box component="li" sx={{ '& > *': { verticalAlign: 'middle', mr: 0.5 } }}>
      <AttachFileIcon fontSize="inherit" color="action" aria-hidden />
      {/* Always a download: the server sends it as an attachment, never to be shown in the app. */}
      <Link href={file.downloadUrl} download={file.name} variant="body2" sx={{ overflowWrap: 'anywhere' }}>{file.name}</Link>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{file.typeName} · {fileSize(file.size)}</Typography>
      {canAccess && (
        <Tooltip title="Remove the file">
          <IconButton size="small" onClick={() => setConfirming(true)} aria-label={`Remove the file ${file.name}`}><DeleteIcon fontSize="inherit" /></IconButton>
        </Tooltip>
      )}
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title={`Remove the file “${file.name}”?`}
        content="It is removed from the evidence for everyone; the recommendation’s history keeps that it was attached and removed."
        confirm="Remove"
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
}

/** The files attached to a piece of evidence, and a button to attach more for who may. */
export function EvidenceFiles({ record }: { record: RaRecord }) {
  const [attaching, setAttaching] = useState(false);
  const { canAccess: canAttach } = useCanAccess({ action: 'attachFiles', resource: 'evidence', record });
  const files = (record.files ?? []) as EvidenceFile[];
  if (files.length === 0 && !canAttach) return null;
  return (
    <Box sx={{ mt: 0.5 }}>
      {files.length > 0 && (
        <Box component="ul" aria-label="Files" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {files.map((file) => <FileRow key={file.id} evidence={record} file={file} />)}
        </Box>
      )}
      {canAttach && (
        <Button size="small" startIcon={<AttachFileIcon />} onClick={() => setAttaching(true)} aria-label={`Attach files to evidence “${String(record.summary).slice(0, 50)}”`} sx={{ px: 0.5, minWidth: 0 }}>
          Attach files
        </Button>
      )}
      <EditDialog resource="evidence" id={record.id} operation="attachFiles" open={attaching} onClose={() => setAttaching(false)} title="Attach files to evidence" saveLabel="Attach" done="Files attached">
        <EvidenceFilesInput />
      </EditDialog>
    </Box>
  );
}
