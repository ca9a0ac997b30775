// Parses an AsyncAPI document with @asyncapi/parser (the reference parser, with its built-in Spectral rules)
// and prints one JSON line per diagnostic: {"severity": "error|warning|info|hint", "code", "message", "path"}.
// Exit code 0 when it ran (the Java test decides what fails), 2 when it could not run at all.
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node lint-asyncapi.mjs <asyncapi.yaml>');
  process.exit(2);
}
const severities = ['error', 'warning', 'info', 'hint'];
try {
  const { document, diagnostics } = await fromFile(new Parser(), file).parse();
  for (const d of diagnostics) {
    console.log(JSON.stringify({
      severity: severities[d.severity] ?? String(d.severity),
      code: String(d.code),
      message: d.message,
      path: (d.path ?? []).join('.'),
      line: d.range?.start?.line ?? null,
    }));
  }
  console.log(JSON.stringify({ parsed: document !== undefined }));
} catch (e) {
  console.error(e?.stack ?? String(e));
  process.exit(2);
}
