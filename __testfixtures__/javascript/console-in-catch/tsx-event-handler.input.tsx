declare function upload(file: string): Promise<void>;

export function UploadButton({ file }: { file: string }) {
  async function onClick() {
    try {
      await upload(file);
    } catch (uploadError) {
      console.error('Upload failed', uploadError);
    }
  }
  return <button onClick={onClick}>Upload</button>;
}
