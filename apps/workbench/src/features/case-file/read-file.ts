/** A chosen file's content, read with FileReader (what every browser, and jsdom, provides). */
function read(file: Blob, as: 'text' | 'dataUrl'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    if (as === 'text') reader.readAsText(file, 'utf-8');
    else reader.readAsDataURL(file);
  });
}

export function readText(file: Blob): Promise<string> {
  return read(file, 'text');
}

/** The bytes in base64, without the `data:<type>;base64,` prefix. */
export async function readBase64(file: Blob): Promise<string> {
  return (await read(file, 'dataUrl')).replace(/^data:[^,]*,/, '');
}
