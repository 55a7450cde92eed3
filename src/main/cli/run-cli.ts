import { createInterface } from 'node:readline';
import { openCore } from '../core/app';
import { activeDataDir } from '../core/data-folder-choice';
import { isAppError } from '../core/errors';
import type { CliCommand, CliIo } from './command';
import { commands as allCommands } from './commands';

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), readLine: readStdinLine };

/** Reads one line from stdin (typed, or piped: `echo … | cchc accounts reset-password x`). */
function readStdinLine(prompt: string): Promise<string | null> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: false });
    if (process.stdin.isTTY) process.stderr.write(prompt);
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => !answered && resolve(null));
  });
}

/** Finds the command whose words start the argument list (longest match first). */
export function findCommand(args: string[], commands: readonly CliCommand[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => args[i] === w)) return { command, rest: args.slice(words.length) };
  }
  return null;
}

export function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'CCHC Desk — dòng lệnh (cùng dữ liệu và quy tắc với ứng dụng)',
    '',
    'Cách dùng: cchc <lệnh> [tham số]   (qua npm: npm run cchc -- <lệnh>)',
    '',
    'Các lệnh:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Dữ liệu nằm trong thư mục người dùng của hệ điều hành; đặt biến CCHC_DATA_DIR để dùng thư mục khác.`,
    'Xem chi tiết một lệnh: cchc help <lệnh>',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code. Opens the store only for real commands. */
export async function runCli(
  args: string[],
  options: { io?: CliIo; env?: NodeJS.ProcessEnv; commands?: readonly CliCommand[] } = {},
): Promise<number> {
  const io = options.io ?? consoleIo;
  const commands = options.commands ?? allCommands;
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || (args[0] === 'help' && args.length === 1)) {
    io.out(helpText(commands));
    return 0;
  }
  if (args[0] === 'help') {
    const found = findCommand(args.slice(1), commands);
    if (!found) {
      io.err(`Không có lệnh «${args.slice(1).join(' ')}». Gõ cchc --help để xem danh sách.`);
      return 2;
    }
    io.out(`${found.command.summary}\nCách dùng: ${found.command.usage}`);
    return 0;
  }
  const found = findCommand(args, commands);
  if (!found) {
    io.err(`Không có lệnh «${args.join(' ')}». Gõ cchc --help để xem danh sách.`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.out(`${found.command.summary}\nCách dùng: ${found.command.usage}`);
    return 0;
  }
  const { command } = found;
  if (command.runWithoutDataFolder) return command.runWithoutDataFolder(found.rest, { io, env: options.env ?? process.env });
  if (!command.run) throw new Error(`command ${command.name} has no run function`);
  let core;
  try {
    // The folder the window switched to (a restored backup), else the usual one.
    core = openCore({ dataDir: activeDataDir(options.env ?? process.env) });
  } catch (error) {
    io.err(isAppError(error) ? `Lỗi (${error.code}): ${error.message}` : `Lỗi: ${String(error)}`);
    return 1;
  }
  try {
    return await command.run(found.rest, { core, io });
  } finally {
    core.close();
  }
}
