// Reads a wrapped index file of the offline copy (src/offline/search.ts) as a browser does: the
// script run by a JS parser, its string decoded by the decoder the copy's shim carries.
import { CALLBACK, DECODE } from "../../src/offline/search.ts";

const decode = new Function(`return ${DECODE}`)() as (text: string) => Uint8Array;

/** The name and bytes of every call the script makes to the shim's callback. */
export function runWrappedFile(script: string): { name: string; bytes: Buffer }[] {
  const calls: { name: string; bytes: Buffer }[] = [];
  new Function(CALLBACK, script)((name: string, text: string) => calls.push({ name, bytes: Buffer.from(decode(text)) }));
  return calls;
}

/** A wrapped file's shape: one call on one line, all ASCII, its string escaping only ", \, LF and CR. */
export const WRAPPED_FILE = /^__bantinPagefindFile\("([^"\\\n\r]+)","(?:[\x00-\x09\x0b\x0c\x0e-\x21\x23-\x5b\x5d-\x7f]|\\["\\nr])*"\);\n$/;
