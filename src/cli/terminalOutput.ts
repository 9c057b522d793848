// Names in scenarios (VMs, plans, the scenario itself) and text quoted from input files reach the terminal in
// summaries and messages. An ESC or OSC sequence in such text would be obeyed by the terminal (recolour, retitle,
// hide or rewrite what is shown, set the clipboard), and bidirectional overrides reorder it. Everything rposim
// prints passes through a guarded stream, which shows such characters escaped (`\x1b`) instead of sending them.

// C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidirectional formatting characters.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
const unguarded = new WeakMap<NodeJS.WritableStream, Write>();

/**
 * Makes every write to `stream` terminal-safe. A reader that went away (a closed pipe, a hung-up terminal) is
 * not an error of the run: its EPIPE or EIO is ignored and the work goes on.
 */
export function guardTerminalOutput(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as Write;
  unguarded.set(stream, write);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : null;
    return text === null ? write(chunk, ...rest) : write(terminalSafe(text), ...rest);
  }) as typeof stream.write;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'EIO') throw error;
  });
}

/** For rposim's own terminal controls (a progress line's \r and erase-line); any names in `text` must be made safe first. */
export function writeWithControls(stream: NodeJS.WritableStream, text: string): void {
  const write = unguarded.get(stream) ?? (stream.write.bind(stream) as Write);
  write(text);
}
