export function Button({ onPress }: { onPress: () => void }) {
  const handle = () => {
    try {
      onPress();
    } catch (e) {
      alert('failed');
      throw e;
    }
  };
  return <button onClick={handle}>Go</button>;
}
