import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A path as every message shows it: relative to the working directory when it lies inside it
 * (`corpus/story.md`, `.cache/index/…`), else absolute. People run the commands from the
 * repository, so this is the form they can paste back.
 */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const inside = relative(cwd, absolute);
  if (inside === '') return '.';
  return inside.startsWith('..') || isAbsolute(inside) ? absolute : inside;
}

/** `message` with every absolute path inside `cwd` shown as {@link displayPath} shows it. */
export function displayPathsIn(message: string, cwd: string = process.cwd()): string {
  return message.replaceAll(`${cwd}${sep}`, '');
}
