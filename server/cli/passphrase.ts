import { text } from 'node:stream/consumers';

/**
 * A passphrase from the terminal, not echoed; from piped standard input, its first line.
 * Never from the command line: arguments show in `ps` to every user of the machine.
 */
export async function readPassphrase(prompt: string, confirm = false): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return (await text(stdin)).split(/\r?\n/)[0] ?? '';
  const first = await readHidden(prompt);
  if (confirm && (await readHidden('Again, to be sure: ')) !== first) throw new Error('the two passphrases differ');
  return first;
}

/** One line typed at the terminal with echo off (raw mode), the prompt on stderr so stdout stays the report. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
