/**
 * Every diagnostic the compiler can report. Codes are stable: authors search
 * for them and CI logs are grepped for them, so a code is never reused for a
 * different problem. `why` is the rule behind the check; `hint` what to do.
 */
export interface CatalogueEntry {
  severity: 'error' | 'warning';
  title: string;
  why: string;
  hint?: string;
}

function entries<T extends Record<string, CatalogueEntry>>(t: T): T {
  return t;
}

export const catalogue = entries({
  // IR1xx: files and YAML
  IR101: { severity: 'error', title: 'YAML syntax error', why: 'course.yml and front matter must be valid YAML.', hint: 'Check indentation and quote values that contain ": " or start with a special character.' },
  IR102: { severity: 'error', title: 'Required field missing', why: 'The compiler cannot name, order or score the content without it.' },
  IR103: { severity: 'error', title: 'Invalid field value', why: 'The value does not have the type or form docs/authoring.md gives for it.' },
  IR104: { severity: 'error', title: 'Unknown field', why: 'A misspelt key would otherwise be ignored silently.', hint: 'Check the spelling against the list of keys in docs/authoring.md.' },
  IR105: { severity: 'error', title: 'File is empty', why: 'An empty lesson or scenario has nothing to show the learner.' },
  IR106: { severity: 'error', title: 'File is not UTF-8 text', why: 'Content files are read as UTF-8 Markdown or YAML.', hint: 'Save the file as UTF-8. Notepad: File → Save As, Encoding: UTF-8. VS Code: click the encoding in the status bar, Reopen with Encoding → Western (Windows 1252), then click it again, Save with Encoding → UTF-8. Binary files belong in assets/.' },
  IR107: { severity: 'error', title: 'course.yml missing', why: 'Every content folder needs course.yml with id, title and version.', hint: 'Run `integrity-ranger new DIR` to see a working example.' },
  IR108: { severity: 'error', title: 'Content folder not found', why: 'The folder given to the command does not exist or is not a folder.' },
  IR109: { severity: 'error', title: 'Front matter not closed', why: 'Front matter starts with a line `---` and must end with another `---` line.' },
  IR110: { severity: 'error', title: 'File too large', why: 'Content files over the size limit are refused so a stray file cannot exhaust memory.', hint: 'Split the lesson, or move media into assets/.' },
  IR111: { severity: 'error', title: 'Line too long', why: 'Lines over 10,000 characters are refused: they are almost always pasted data, not prose.' },
  IR112: { severity: 'warning', title: 'File ignored', why: 'Only .md files in lessons/, scenarios/, tests/ and pools/ are content; anything else there is not packed.' },
  IR113: { severity: 'error', title: 'Tab in YAML indentation', why: 'YAML indents with spaces only; a tab makes the structure of course.yml or the front matter unreadable.', hint: 'Replace the tab with two spaces.' },

  // IR2xx: lessons, Markdown and questions
  IR201: { severity: 'error', title: 'Lesson has no content', why: 'A lesson needs at least one page.' },
  IR202: { severity: 'error', title: 'Block not closed', why: 'A `::: kind` block must end with a line `:::`.', hint: 'Add a line with only `:::` where the block ends.' },
  IR203: { severity: 'error', title: 'Unknown block kind', why: 'Blocks are `question`, `survey`, `note`, `tip`, `warning`, `info` or `important`.' },
  IR204: { severity: 'error', title: 'Question has too few choices', why: 'A question needs a task list with at least two choices: `- [ ]` and `- [x]`.' },
  IR205: { severity: 'error', title: 'Question has no correct choice', why: 'Without a `[x]` choice no answer can be right.', hint: 'Mark the correct choice(s) with `- [x]`.' },
  IR206: { severity: 'error', title: 'Invalid attribute', why: 'Attributes look like `{#id key=value flag}` with known keys.' },
  IR207: { severity: 'error', title: 'Image without alt text', why: 'Learners using a screen reader need a text alternative (WCAG 1.1.1).', hint: 'Write `![what the image shows](path)`.' },
  IR208: { severity: 'error', title: 'Unsafe link', why: 'Only http, https, mailto and tel links, relative links to content, and #anchors are allowed; `javascript:` and data URLs can run code in the LMS.' },
  IR209: { severity: 'warning', title: 'Raw HTML is shown as text', why: 'Raw HTML in Markdown could run scripts inside the LMS, so it is escaped, not rendered.', hint: 'Use Markdown syntax instead of HTML.' },
  IR210: { severity: 'error', title: 'Link to unknown content', why: 'A relative link must name a lesson or scenario file of this course (one the outline lists, when there is an outline), or an asset.' },
  IR211: { severity: 'error', title: 'Blocks cannot be nested', why: 'A `:::` block cannot contain another block.', hint: 'Close the first block with `:::` before opening the next.' },
  IR212: { severity: 'error', title: 'External image', why: 'The package must work offline and make no request outside the LMS.', hint: 'Download the image into assets/ and reference it by relative path.' },
  IR213: { severity: 'error', title: 'Duplicate id', why: 'Ids name interactions and activities in the LMS and LRS records; they must be unique.' },
  IR214: { severity: 'error', title: 'Invalid id', why: 'Ids are slugs: lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters.' },
  IR215: { severity: 'error', title: 'Question choice malformed', why: 'Choices are task-list items `- [ ] text` or `- [x] text`, each with optional feedback: a `> ` line indented at least two spaces under it.' },
  IR216: { severity: 'error', title: 'Question has no prompt', why: 'The prompt is the text before the first choice.' },
  IR217: { severity: 'error', title: 'Unknown dimension', why: 'A `dimension` must be one of the dimensions listed in course.yml (or the default seven).' },
  IR218: { severity: 'error', title: 'Duplicate choice text', why: 'Choices are labelled by their text; two identical labels cannot be told apart.' },
  IR219: { severity: 'warning', title: 'Choice without feedback', why: 'Feedback on every choice is what makes a knowledge check teach.' },
  IR220: { severity: 'error', title: 'Page has no heading text', why: 'Every `##` heading names a page in the table of contents.' },
  IR221: { severity: 'error', title: 'Too many choices', why: 'SCORM 1.2 responses use the letters a–z, so a question has at most 26 choices.' },
  IR222: { severity: 'warning', title: 'Curly quotes in an attribute', why: 'Attribute values are quoted with straight quotes `"` or `\'`; curly quotes “ ” come from a word processor. Where they pair up around a value it is read as if quoted straight.', hint: 'Replace the curly quotes “ ” with straight ones ", or write the value without quotes.' },
  // IR24x–IR26x: question types, surveys, pools and tests (issue 12)
  IR240: { severity: 'error', title: 'Unknown question type', why: 'A question is `type=choice` (the default), `true-false`, `fill-in`, `numeric`, `matching` or `sequencing`; each reads its list differently.' },
  IR241: { severity: 'error', title: 'True-false question malformed', why: 'A true-false question has exactly two task-list items, the true statement\'s label first and the false one\'s second, and exactly one of them is marked `[x]`.', hint: 'Write `- [x] Benar` and `- [ ] Salah` (or the other way round), each with its `  > feedback`.' },
  IR242: { severity: 'error', title: 'No accepted answer', why: 'A fill-in or numeric question needs at least one accepted answer `- [x] …`; without one no answer can be right.' },
  IR243: { severity: 'error', title: 'Fill-in answer too long', why: 'A learner types at most 250 characters into a fill-in (SCORM 1.2 keeps 255 of a response), so a longer accepted answer could never be given.' },
  IR244: { severity: 'error', title: 'Numeric value unreadable', why: 'A numeric answer is a number (`30`, `2,5` or `2.5`) or an inclusive range `25..35` whose start is not above its end; no thousands separator, since `1.000` reads as a thousand in Indonesian and as one elsewhere.' },
  IR245: { severity: 'error', title: 'Catch-all answer malformed', why: '`- [ ] *` stands for any answer not listed, so it is never correct and a question has at most one.' },
  IR246: { severity: 'error', title: 'Matching pair malformed', why: 'A matching pair is `- source -> target`; `- -> target` adds a target that matches no source.' },
  IR247: { severity: 'error', title: 'Too few or too many pairs', why: 'A matching question has 2 to 8 sources (a select each) and at most 26 targets (SCORM 1.2 names them with letters).' },
  IR248: { severity: 'error', title: 'Too few or too many steps', why: 'A sequencing question orders 2 to 8 steps: the learner moves each with buttons, and every order must fit in the saved progress.' },
  IR249: { severity: 'error', title: 'Outcome feedback malformed', why: 'Outcome feedback is one `> [x] …` line (shown when the answer is right) and one `> [ ] …` (when it is wrong), not indented, after the question\'s list and last in the block.' },
  IR250: { severity: 'error', title: 'Line not part of the question', why: 'After the prompt, a matching question holds only its pairs `- source -> target` and a sequencing question only its steps `1. …`, then outcome feedback.' },
  IR252: { severity: 'error', title: 'Survey malformed', why: 'A survey is a prompt followed by a list of statements `- statement {#id dimension=…}`, each rated on the scale.' },
  IR253: { severity: 'error', title: 'Survey item without dimension', why: 'A survey measures attitude per dimension: each statement says which one with `dimension=`.' },
  IR254: { severity: 'error', title: 'Survey scale out of range', why: 'A survey\'s scale has 4 to 7 points (5 when not given); the player labels each point.' },
  IR255: { severity: 'error', title: 'Survey phase unknown', why: '`phase` is `pre` (before the course) or `post` (after it); the attitude shift pairs the two by dimension. Leave it out for a survey that gives no shift.' },
  IR256: { severity: 'error', title: 'Pool malformed', why: 'A pool (pools/*.md) holds only `::: question` blocks: it is never shown as a page, and tests draw its questions.' },
  IR257: { severity: 'error', title: 'Pool question without id', why: 'Records name a drawn question by its id, so a pool question needs its own `#id`: a number from its place in the file would change when questions are added or moved.' },
  IR258: { severity: 'error', title: 'Not allowed in a test', why: 'A test\'s body is an introduction in Markdown (its questions come from its pool), and a pre-test is taken once, ungraded: `passing_score` and `attempts` belong to a final test.' },
  IR259: { severity: 'error', title: 'Unknown pool', why: 'A test draws from the pool whose front-matter `id` (or file name under pools/) it names in `pool:`.' },
  IR260: { severity: 'error', title: 'Draw larger than the pool', why: 'A test cannot draw more questions than its pool has: `draw` at most the pool\'s size, `per_dimension` at most the number of questions of each of the pool\'s dimensions.' },
  IR261: { severity: 'error', title: 'Final-test scoring without one final test', why: '`scoring: final-test` makes the final test\'s score the course score, so the course needs exactly one test with `role: final`.' },
  IR262: { severity: 'warning', title: 'Pool not used', why: 'No test names this pool in `pool:`, so its questions are never shown.' },
  IR263: { severity: 'error', title: 'Final test without a pass mark', why: 'A final test is passed or failed against its `passing_score`, or the course\'s `passing_score` when the test gives none.' },
  IR230: { severity: 'warning', title: 'Empty table header cell', why: 'A screen reader names each cell by its column header; a column whose header is empty is read without a name (axe: empty-table-header).', hint: 'Write what the column holds in the header cell, e.g. `Aspek` above a column of row labels.' },

  // IR3xx: scenarios
  IR301: { severity: 'error', title: 'Scenario has no scenes', why: 'A scenario is a graph of `## Scene {#id}` headings.' },
  IR302: { severity: 'error', title: 'Link to unknown scene', why: 'A choice must lead to a scene of the same scenario.' },
  IR303: { severity: 'error', title: 'Scene cannot be reached', why: 'No path of choices from the start scene leads here, so no learner would see it.' },
  IR304: { severity: 'error', title: 'No ending reachable', why: 'From this scene no path leads to an ending: the learner would be stuck in a loop.' },
  IR305: { severity: 'error', title: 'Ending without outcome', why: 'A scene without choices is an ending and must say `ending=pass` or `ending=fail`.' },
  IR306: { severity: 'error', title: 'Scene has choices and an ending', why: 'An ending scene cannot offer choices.' },
  IR307: { severity: 'error', title: 'Unknown start scene', why: '`start` must name a scene of this scenario.' },
  IR308: { severity: 'error', title: 'Scene heading without id', why: 'Choices link to scenes by id: write `## Title {#scene-id}`.' },
  IR309: { severity: 'error', title: 'Choice list mixes links and text', why: 'The last list of a scene holds its choices; each item must be exactly one link to `#scene-id`.' },
  IR310: { severity: 'error', title: 'Scenario has no ending', why: 'At least one scene must be an ending.' },
  // IR320–IR329: scoring that agrees with the choices' tags (warnings; see docs/authoring.md)
  IR320: { severity: 'warning', title: 'A `{bad}` choice can still pass', why: 'A path through a choice the author marks wrong ends in `ending=pass`, so the scenario rewards what the lessons teach against. Reported at the last `{bad}` choice before the pass ending(s) it names.', hint: 'Make the pass ending(s) named here `ending=fail`, lead this choice to a fail ending, or remove `{bad}` if the choice is not wrong.' },
  IR321: { severity: 'warning', title: 'Only `{good}` choices can still fail', why: 'A path of choices the author marks right (and untagged choices that decide nothing) ends in `ending=fail`, so the scenario punishes what the lessons teach. Reported at the fail ending, with the path.', hint: 'Tag the choice on the path that is really wrong `{bad}`, or make this ending `ending=pass`.' },
  IR322: { severity: 'warning', title: 'Untagged choice decides the result', why: 'A result is an ending\'s outcome and score. This choice narrows the results its scene can still reach, and not to those of a `{good}` choice of the scene: it decides the result, yet it is recorded as neither correct nor wrong, and IR320 and IR321 cannot judge the paths through it.', hint: 'Tag it `{good}` or `{bad}` as the lessons judge it, or lead it where a `{good}` choice of the scene leads.' },
  IR323: { severity: 'warning', title: 'Pass ending scores no more than a fail ending', why: 'A play earns points × ending score / 100, so failing would earn as much as passing, or more.', hint: 'Give every pass ending a higher `score` than every fail ending of the scenario.' },

  // IR4xx: assets and paths
  IR401: { severity: 'error', title: 'Asset not found', why: 'A referenced file must exist inside the content folder. Paths are relative to the Markdown file that holds them.' },
  IR402: { severity: 'error', title: 'Path leaves the content folder', why: 'Only files inside the content folder are packed; `..` out of it, absolute paths and symlinks pointing outside are refused.' },
  IR403: { severity: 'error', title: 'Outline entry not found', why: 'Every `outline` entry must be a lesson or scenario file of this folder.' },
  IR404: { severity: 'warning', title: 'Unit not in outline', why: 'A file in lessons/ or scenarios/ that the outline does not list is not packed.' },
  IR406: { severity: 'error', title: 'Theme loads external resources', why: 'theme.css may change colours and spacing, but an @import or url() to another site would break offline use and leak requests outside the LMS.' },
  // IR410–IR419: video and audio (docs/authoring.md, Video and audio)
  IR410: { severity: 'error', title: 'External media', why: 'The package must play offline inside the LMS and make no request outside it; a YouTube or other external video also cannot carry the course\'s captions and transcript.', hint: 'Download the file (with the rights to use it) into assets/, write its captions and transcript beside it, and embed it by relative path.' },
  IR411: { severity: 'warning', title: 'Video without captions', why: 'Deaf and hard-of-hearing learners need captions for what is said (WCAG 1.2.2).', hint: 'Write a WebVTT file `film.id.vtt` (the course language) beside `film.mp4`.' },
  IR412: { severity: 'error', title: 'Captions file does not parse', why: 'A browser silently drops a WebVTT file it cannot read, so the captions would never show.', hint: 'A WebVTT file starts with `WEBVTT`, then blank-line separated cues `00:01.000 --> 00:04.000` followed by their text, in order of start time.' },
  IR413: { severity: 'warning', title: 'Audio without transcript', why: 'Learners who cannot hear need the words as text (WCAG 1.2.1).', hint: 'Write `audio.transcript.md` (or .txt) beside `audio.mp3`.' },
  IR414: { severity: 'warning', title: 'Media file over budget', why: 'Packages are opened on slow regional networks; a heavy file makes a lesson wait or fail to play. The budget is 25 MB per file unless course.yml sets `media_budget_mb`.', hint: 'Make a lighter file (docs/authoring.md shows a 480p ffmpeg command).' },
  IR415: { severity: 'error', title: 'Media inside other text', why: 'A player needs a line of its own; inside a sentence, heading, link or choice there is no room for it.', hint: 'Put `![name](../assets/film.mp4)` alone on its line, with blank lines around it.' },
  IR416: { severity: 'error', title: 'Required media outside a lesson page', why: '`{required}` holds back a lesson page\'s completion until the media\'s end; a scenario scene has no page completion to hold back.' },
  IR405: { severity: 'warning', title: 'Asset not used', why: 'Only the assets a lesson or scenario references are packed; an unused one is left out of the package. Reported only when the course has no errors, since an error (an unreadable lesson, a mistyped path) can be what leaves it unreferenced.', hint: 'Reference it from a lesson or scenario, or delete it.' },

  // IR5xx: course and package level
  IR501: { severity: 'error', title: 'Course has no units', why: 'A course needs at least one lesson or scenario.' },
  IR502: { severity: 'error', title: 'Progress data could exceed SCORM 1.2 limit', why: 'cmi.suspend_data holds at most 4096 characters (SCORM 1.2 RTE 3.4.2.3); a course that could exceed it would lose progress.', hint: 'Split the course into several packages.' },
  IR503: { severity: 'error', title: 'xAPI target needs `iri`', why: 'Every xAPI activity id is built on the course `iri`.', hint: 'Add `iri: https://your.domain/xapi/course/<id>` to course.yml, or build with `--target scorm12` for SCORM 1.2 only.' },
  IR504: { severity: 'error', title: 'Unknown target', why: 'The tool builds only the targets `integrity-ranger build --help` lists.' },
  IR505: { severity: 'error', title: 'Cannot write output', why: 'The output folder could not be written; existing files were left as they were.' },
  IR506: { severity: 'error', title: 'Content limit exceeded', why: 'The course is larger than the compiler accepts (files, pages or nesting).' },
  IR507: { severity: 'error', title: 'Progress data could exceed SCORM 2004 limit', why: 'cmi.suspend_data holds at most 64000 characters (SCORM 2004 4th Edition RTE 4.2.23); a course that could exceed it would lose progress.', hint: 'Split the course into several packages.' },
  IR520: { severity: 'error', title: 'cmi5 target needs `iri`', why: 'The cmi5 course structure identifies the course and its AU by IRIs, and every statement\'s activity id is built on the course `iri`.', hint: 'Add `iri: https://your.domain/xapi/course/<id>` to course.yml, or build without `--target cmi5`.' },

  // IR53x: reading the saved progress of earlier versions (layouts/*.yml)
  IR530: { severity: 'error', title: 'Layout file unreadable', why: 'A file in layouts/ describes how an earlier version saved progress, in the form `integrity-ranger layout` writes; this one is not in that form, so states of that version cannot be read.', hint: 'Write it again: `integrity-ranger layout OLD.zip > layouts/VERSION.yml`.' },
  IR531: { severity: 'error', title: 'Layout does not match its hash', why: 'Saved states name their course structure only by its hash. A layout whose structure does not hash to its `hash` was edited or damaged, and would read those states into the wrong pages and questions.', hint: 'Write it again from the released package: `integrity-ranger layout OLD.zip > layouts/VERSION.yml`.' },
  IR532: { severity: 'error', title: 'Two structures share a hash', why: 'Two layouts (or a layout and this course) with the same structure hash cannot be told apart by a saved state, so one of them would be read with the other\'s plan.', hint: 'Keep one layout per structure (the later version\'s); if this course collides, change its structure slightly, e.g. add a page.' },
  IR533: { severity: 'error', title: 'Progress mapping not proven', why: 'Every saved state of an earlier version must become a valid state of this course: each old field must go to a field of the same kind and range, or be dropped. The compiler checks the mapping it made and found one that does not.', hint: 'This is a compiler fault: please report it with the layout file.' },
  IR534: { severity: 'warning', title: 'Nothing of an earlier version carries over', why: 'No page, question or scenario id of that version is in this course, so its learners restart from the beginning.', hint: 'Keep the ids of pages (headings), questions and scenarios whose meaning did not change.' },
  IR535: { severity: 'error', title: 'Package has no course data', why: '`integrity-ranger layout` reads the course from a package this tool built; other packages have none.', hint: 'Give it a package built by integrity-ranger, or the content folder of that version.' },
  IR536: { severity: 'warning', title: 'File in layouts/ ignored', why: 'Only .yml (or .yaml) files directly in layouts/ are read as layouts of earlier versions; the progress of a version whose layout is not read cannot be carried over.', hint: 'Name it layouts/VERSION.yml.' },
  IR537: { severity: 'warning', title: 'Choices changed in place', why: 'A saved answer is stored as choice positions. When a question keeps its id and its number of choices but its choices change (reworded, reordered, another one correct) and nothing else in the structure changes, states of the earlier version still decode as they are, and their answers count for the new choices.', hint: 'Give the question a new id if its choices mean something else now; a typo fix can stay.' },

  // IR6xx: checking built packages
  IR601: { severity: 'error', title: 'Not a readable zip', why: 'The file is not a zip archive or is damaged.' },
  IR602: { severity: 'error', title: 'Unsafe zip entry', why: 'An entry with `..` or an absolute path could write outside the LMS folder when unpacked.' },
  IR603: { severity: 'error', title: 'Manifest missing', why: 'A SCORM package needs imsmanifest.xml at the zip root; a Tin Can package needs tincan.xml; a cmi5 package cmi5.xml.' },
  IR604: { severity: 'error', title: 'Manifest does not validate', why: 'The manifest must validate against the official schemas.' },
  IR605: { severity: 'error', title: 'Referenced file missing', why: 'Every file the manifest names must be in the package.' },
  IR606: { severity: 'error', title: 'Inconsistent manifest reference', why: 'An identifierref or default organization names nothing.' },
  IR607: { severity: 'warning', title: 'Moodle mishandles this', why: 'Moodle accepts the package but records or launches it wrongly.' },
  IR608: { severity: 'error', title: 'Package file not found', why: 'The path given to `check` does not name a readable file.' },
  IR609: { severity: 'error', title: 'Manifest value breaks SCORM 1.2 rules', why: 'The schemas type schemaversion and masteryscore as plain strings; SCORM 1.2 CAM requires schemaversion `1.2` and a masteryscore from 0 to 100.' },
  IR610: { severity: 'error', title: 'Nothing to launch', why: 'An LMS launches the resource an item points to (SCORM) or the first activity\'s launch file (Tin Can); without one the learner gets an empty page.' },
  IR611: { severity: 'error', title: 'Manifest value breaks SCORM 2004 rules', why: 'The schemas type schemaversion as a plain string; Moodle runs a package as SCORM 2004 only when it is exactly `2004 4th Edition`, `2004 3rd Edition`, `CAM 1.3` or `1.3`, and otherwise as SCORM 1.2, where a 2004 SCO finds no run-time API.' },
  IR620: { severity: 'error', title: 'cmi5 masteryScore too precise', why: 'cmi5 §13.1.4: masteryScore is a scaled decimal from 0 to 1 with at most 4 decimal places; the schema checks only the range.' },
  IR621: { severity: 'warning', title: 'cmi5 masteryScore unused', why: 'With moveOn `Completed` or `NotApplicable` the LMS counts the AU done without a pass (cmi5 §13.1.4), so the mastery score changes nothing an LMS reports.' },
  IR622: { severity: 'error', title: 'cmi5 id not a unique absolute IRI', why: 'cmi5 §3.0 and §13.1: course, block and AU ids are fully qualified IRIs, and AU ids are unique in the course structure; LMSs identify the course and its AUs by them. The schema accepts relative ones.' },

  // IR7xx: reports from learning records (`report`)
  IR701: { severity: 'error', title: 'Record source cannot be read', why: 'A file named as a source of `report` does not exist, is a folder, or cannot be read.', hint: 'Check the path; Moodle exports and statement files are read as UTF-8 text.' },
  IR702: { severity: 'error', title: 'Not a Moodle Interactions report', why: 'A Moodle export is read by its header: the learner columns, `Attempt`, and `Question N` / `Response N` / `Right answer N` / `Result N` for each interaction.', hint: 'In the SCORM activity open Reports → Interactions report, switch on question, response, right answer and result, and download it as text (or Excel/ODS saved as CSV).' },
  IR703: { severity: 'error', title: 'Statements file is not JSON', why: 'A statements file is a JSON array of xAPI statements, or one statement per line (NDJSON), as an LRS exports them.' },
  IR704: { severity: 'error', title: 'Records are not for this course', why: 'No record names a question, scene or activity of the course given with `--course`: the report would be empty or wrong.', hint: 'Pass the course (folder or package) these records were made with, in the version they were made with; for an LRS, `--activity` names the course activity id the LMS launched with.' },
  IR705: { severity: 'warning', title: 'Records the course does not know', why: 'Interactions or activities that are not in this course are counted and left out of the report (another course, or a version with other ids).' },
  IR706: { severity: 'warning', title: 'Right answer differs from the course', why: 'The records give another correct answer for an interaction than this course does: they were probably made with another version of it.', hint: 'Report against the course version the learners played.' },
  IR707: { severity: 'error', title: 'LRS refused the credentials', why: 'The LRS answered 401 or 403 to the Statements API request.', hint: 'Set INTEGRITY_RANGER_LRS_KEY and INTEGRITY_RANGER_LRS_SECRET (or INTEGRITY_RANGER_LRS_AUTH, or --lrs-auth-file) to credentials with read access to statements.' },
  IR708: { severity: 'error', title: 'No Statements API at that endpoint', why: 'The LRS answered 404: the endpoint is not an xAPI endpoint (it usually ends in `/xAPI/` or `/data/xAPI/`).', hint: 'Use the endpoint the LMS launches the package with.' },
  IR709: { severity: 'error', title: 'LRS failed', why: 'The LRS answered with a server error (5xx) or another unexpected status, or an answer that is not a StatementResult.', hint: 'Try again later, or export the statements to a file and report from it.' },
  IR710: { severity: 'error', title: 'LRS cannot be reached', why: 'The connection to the LRS failed (name, network or TLS).' },
  IR711: { severity: 'error', title: 'Course cannot be read', why: 'The course given with `--course` must be a content folder that builds, or a package built by integrity-ranger.' },
  IR712: { severity: 'warning', title: 'Record skipped', why: 'A row or statement lacks what the report needs (a learner, an attempt, a response) and is skipped; the count is reported.' },
  IR713: { severity: 'warning', title: 'Records out of order', why: 'A scenario path is read in the order of the records; a statement older than the one before it in the same attempt means the source is not in stored order.', hint: 'Export statements in ascending order (the LRS source asks for that).' },
  IR714: { severity: 'warning', title: 'Recorded score differs', why: 'The course score the LMS or LRS recorded is not the score the scoring rules (docs/scoring.md) give for the recorded answers.' },
  IR715: { severity: 'warning', title: 'Group field not found', why: 'No record carries the field named by `--group-by`, so there is no group view.', hint: 'For Moodle, name a column of the export (e.g. a user profile field); for xAPI, a context extension IRI, `platform`, `grouping` or `homePage`.' },
  IR716: { severity: 'error', title: 'Cannot write the report', why: 'The output folder could not be written; nothing of this report was left there.' },
});

export type DiagnosticCode = keyof typeof catalogue;
