import { validateUscc } from '@ecep/contract';

/** Shows the 18 characters with the one at fault in red, so the position in the message is easy to find. */
export function UsccHint({ value }: { value: string | undefined }) {
  const text = (value ?? '').trim().toUpperCase();
  if (text.length === 0) return null;
  const check = validateUscc(text);
  if (check.ok || check.position === null) return null;
  return (
    <div className="ecep-mono" style={{ fontSize: 13, letterSpacing: 1, marginTop: 4 }} aria-hidden>
      {[...text]
        .map((ch, i) => ({ ch, position: i + 1 }))
        .map(({ ch, position }) => (
          <span
            key={position}
            style={
              position === check.position
                ? { color: '#fff', background: '#cf1322', borderRadius: 2, padding: '0 2px' }
                : { color: '#8c8c8c' }
            }
          >
            {ch}
          </span>
        ))}
      {check.expected && <span style={{ color: '#389e0d', marginLeft: 8 }}>应为 {check.expected}</span>}
    </div>
  );
}
