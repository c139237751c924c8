/** Files a person picked, as the API takes them: a name and the bytes in base64 (see EvidenceFileInput). */

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A react-admin FileInput's value (one file or several, each `{ rawFile, title }`), read; undefined when none. */
export async function filesAsBase64(value: unknown): Promise<{ name: string; contentBase64: string }[] | undefined> {
  const picked = (Array.isArray(value) ? value : value ? [value] : []) as { rawFile?: File; title?: string }[];
  const files = picked.flatMap((item) => (item.rawFile instanceof Blob ? [item.rawFile] : []));
  if (files.length === 0) return undefined;
  return Promise.all(files.map(async (file) => ({ name: file.name, contentBase64: await readAsBase64(file) })));
}
