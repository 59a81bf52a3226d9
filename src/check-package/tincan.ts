/**
 * Checks of a Tin Can package's tincan.xml: tincan.xsd, a launch on the
 * first activity (the one LMSs launch), launch files present, and what
 * Moodle's mod_tincanlaunch reads differently.
 *
 * mod_tincanlaunch (lib.php, tincanlaunch_process_new_package) reads
 * tincan.xml with the same literal-name parser as Moodle's SCORM module and
 * takes the first activity's `ID` attribute and its child named `LAUNCH`:
 * a prefixed element name hides it, and the launch text is used as it is.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import { TINCAN_NS, findFile, manifestRoot, missingFileMessage, resolveHref } from './common.js';
import { attr, childrenNamed, walk } from './xml.js';
import { validateTincan, type PackageSchemas } from './xsd.js';
import type { PackageZip } from './zip.js';

const FILE = 'tincan.xml';

export async function checkTincan(zip: PackageZip, bytes: Uint8Array, schemas: PackageSchemas, diags: Diagnostics): Promise<void> {
  const xsd = await validateTincan(bytes, schemas);
  const root = manifestRoot(FILE, bytes, xsd, diags, { ns: TINCAN_NS, local: 'tincan' }, () =>
    'tincan.xml is a <tincan> element in the namespace http://projecttincan.com/tincan.xsd.',
  );
  if (!root) return;
  const at = (n: { line: number; column: number }) => ({ file: FILE, line: n.line, column: n.column });

  const activities = childrenNamed(root, TINCAN_NS, 'activities');
  const first = activities[0] && childrenNamed(activities[0], TINCAN_NS, 'activity')[0];
  if (!first) {
    diags.report('IR610', at(activities[0] ?? root), 'tincan.xml lists no activity, so there is nothing to launch');
    return;
  }
  if (!childrenNamed(first, TINCAN_NS, 'launch').length) {
    diags.report('IR610', at(first), 'the first activity has no <launch>; LMSs launch the first activity of tincan.xml', 'Add <launch lang="…">index.html</launch> after its <description>.');
  }

  for (const el of walk(root)) {
    if (el.ns !== TINCAN_NS || el.local !== 'launch') continue;
    const href = el.text;
    if (!href.trim()) {
      diags.report('IR605', at(el), '<launch> is empty');
      continue;
    }
    const target = resolveHref('', href);
    if (target.kind === 'external') continue;
    if (target.kind === 'outside') {
      diags.report('IR605', at(el), `launch file \`${href.trim()}\` points outside the package`);
      continue;
    }
    const found = findFile(zip, target.path, href.trim().replace(/[?#].*$/, ''));
    if (!found.found) diags.report('IR605', at(el), missingFileMessage('launch file', href.trim(), target.path, found.caseVariant));
  }

  // IR607: what mod_tincanlaunch reads.
  const prefixed = [...walk(root)].find((e) => e.ns === TINCAN_NS && e.prefix !== '');
  if (prefixed) {
    diags.report('IR607', at(prefixed), `elements are written with the prefix \`${prefixed.prefix}:\`; Moodle's mod_tincanlaunch looks for the unprefixed <launch> and would not find the launch file`, 'Make http://projecttincan.com/tincan.xsd the default namespace and write the elements without a prefix.');
  }
  if (!attr(first, 'id')?.value.trim()) {
    diags.report('IR607', at(first), 'the first activity has no id; Moodle\'s mod_tincanlaunch takes the activity id from it, and an administrator would have to type it in');
  }
  const launch = childrenNamed(first, TINCAN_NS, 'launch')[0];
  if (launch && launch.text !== launch.text.trim() && launch.text.trim()) {
    diags.report('IR607', at(launch), 'the launch file name has spaces or line breaks around it; Moodle\'s mod_tincanlaunch copies the text into the launch URL as it is', `Write <launch>${launch.text.trim()}</launch> on one line.`);
  }
}
