/** Video and audio files: what the compiler, `check` and the player agree on. */

export const VIDEO_EXT = /\.(mp4|webm)$/i;
export const AUDIO_EXT = /\.(mp3|m4a|ogg)$/i;

export function isMediaPath(path: string): boolean {
  return VIDEO_EXT.test(path) || AUDIO_EXT.test(path);
}

/** The default per-file budget in MB; `media_budget_mb` in course.yml changes it. */
export const DEFAULT_MEDIA_BUDGET_MB = 25;

/** The file a package carries its media script in (Target.mediaEntry), loaded only by views with media. */
export const MEDIA_SCRIPT = 'player-media.js';

/**
 * Appended to the unit files (units/<n>.js) that hold media, in packages with
 * a media script: loads it once, by script element (file:// too), when the
 * player loads such a unit, so the first page's bundle carries no loader.
 */
// A plain literal (MEDIA_SCRIPT spelt out): the player's bundles import this module, and drop only what is pure.
export const MEDIA_LOADER = "\n(function(d){if(!d.getElementById('ir-media')){var s=d.createElement('script');s.id='ir-media';s.src='player-media.js';d.head.appendChild(s)}})(document);\n";

const MB = 1024 * 1024;

/** `512.0 KB` or `25.3 MB`, for messages. */
export function sizeText(n: number): string {
  return n < MB / 10 ? `${(n / 1024).toFixed(1)} KB` : `${(n / MB).toFixed(1)} MB`;
}
